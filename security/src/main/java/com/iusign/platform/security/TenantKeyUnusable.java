package com.iusign.platform.security;

import com.iusign.platform.kernel.Refusal;

import java.util.Map;

/**
 * The tenant's master key is in a state that forbids the operation: destroyed (the tenant was
 * purged: its data can never be read again), pending deletion or disabled in KMS. 409 {@code key-state}.
 */
public class TenantKeyUnusable extends Refusal {

    private final String state;

    public TenantKeyUnusable(String state, String message) {
        super(409, "key-state", "Tenant key unusable", message);
        this.state = state;
    }

    public String state() {
        return state;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("keyState", state);
    }
}
