package com.iusign.platform.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work as one tenant under PostgreSQL row-level security: in a transaction (joined or
 * begun) whose {@code app.tenant_id} setting is the tenant, set with {@code set_config(…, true)}
 * so it ends with the transaction and a pooled connection never carries it to the next request.
 * Every tenant-scoped table's policy compares its {@code tenant_id} with that setting; without
 * it a query sees no rows (fail closed). Joining a transaction already scoped to another tenant
 * is refused.
 */
@Component
public class TenantScope {

    static final String SETTING = "app.tenant_id";
    private static final String BOUND = TenantScope.class.getName() + ".tenant";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TenantScope(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T call(UUID tenantId, Supplier<T> work) {
        return transactions.execute(status -> {
            enter(tenantId);
            return work.get();
        });
    }

    public void run(UUID tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Scopes the current transaction to the tenant; it must be the only tenant this transaction sees. */
    public void enter(UUID tenantId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A tenant scope needs a transaction: without one the setting would outlive the request");
        }
        Object bound = TransactionSynchronizationManager.getResource(BOUND);
        if (bound != null) {
            if (!bound.equals(tenantId)) {
                throw new IllegalStateException("This transaction is already scoped to another tenant");
            }
            return;
        }
        jdbc.sql("SELECT set_config('" + SETTING + "', :tenant, true)").param("tenant", tenantId.toString()).query(String.class).single();
        TransactionSynchronizationManager.bindResource(BOUND, tenantId);
        TransactionSynchronizationManager.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
            }
        });
    }
}
