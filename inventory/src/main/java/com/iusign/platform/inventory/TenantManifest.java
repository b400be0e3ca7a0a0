package com.iusign.platform.inventory;

import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantSummary;
import org.springframework.stereotype.Service;

import java.util.List;

/** The manifest façade the console's Tenants view reads. */
@Service
public class TenantManifest {

    /** The console's first page; search and keyset paging arrive with the manifest issue. */
    static final int FIRST_PAGE_SIZE = 200;

    private final TenantLifecycle lifecycle;

    TenantManifest(TenantLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public boolean isEmpty() {
        return lifecycle.countTenants() == 0;
    }

    public List<TenantSummary> firstPage() {
        return lifecycle.listTenants(FIRST_PAGE_SIZE);
    }
}
