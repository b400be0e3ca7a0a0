package com.iusign.platform.kernel;

/** Nothing with the given id, or nothing the caller may see under it. 404 {@code not-found}. */
public class NotFound extends Refusal {

    public NotFound(String message) {
        super(404, "not-found", "Not found", message);
    }

    public static NotFound tenant(TenantId tenantId) {
        return new NotFound("No tenant with id " + tenantId);
    }
}
