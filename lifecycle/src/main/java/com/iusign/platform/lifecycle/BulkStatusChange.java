package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.NotFound;

import com.iusign.platform.kernel.Conflict;

import com.iusign.platform.kernel.InvalidInput;

import com.iusign.platform.kernel.TenantId;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Applies one status change to many tenants, each in a transaction of its own. */
final class BulkStatusChange {

    static final int MAX_TENANTS = 100;

    private final TransactionTemplate perTenant;

    BulkStatusChange(PlatformTransactionManager transactions) {
        this.perTenant = new TransactionTemplate(transactions);
        perTenant.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    BulkResult apply(List<TenantId> ids, Function<TenantId, Tenant> change) {
        LinkedHashSet<TenantId> distinct = new LinkedHashSet<>(ids);
        if (distinct.isEmpty() || distinct.size() > MAX_TENANTS) {
            throw new InvalidInput(Map.of("tenantIds",
                    "Give 1 to " + MAX_TENANTS + " distinct tenant ids (got " + distinct.size() + ")"));
        }
        List<BulkResult.Outcome> outcomes = new ArrayList<>();
        for (TenantId id : distinct) {
            try {
                Tenant changed = perTenant.execute(status -> change.apply(id));
                outcomes.add(new BulkResult.Outcome(id, true, changed.status(), null));
            } catch (NotFound | IllegalTransitionException | Conflict e) {
                outcomes.add(new BulkResult.Outcome(id, false, null, e.getMessage()));
            }
        }
        return new BulkResult(outcomes);
    }
}
