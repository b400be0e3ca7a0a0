package com.iusign.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The audit module's façade: read the trail, and check that its hash chain is intact. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditStore store;

    AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** Every action type the trail holds, for a filter that offers exactly what can be found. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return store.actions();
    }

    public AuditPage find(AuditQuery query) {
        List<AuditEntry> rows = store.page(query);
        boolean more = rows.size() > query.size();
        List<AuditEntry> items = more ? rows.subList(0, query.size()) : rows;
        return new AuditPage(List.copyOf(items), more ? items.getLast().id() : null);
    }

    /** @return the id of the first entry whose hash or link does not hold, or null when the whole chain verifies */
    public @Nullable Long firstBrokenLink() {
        return store.firstBrokenLink();
    }
}
