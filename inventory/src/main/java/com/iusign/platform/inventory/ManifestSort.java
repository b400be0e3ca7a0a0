package com.iusign.platform.inventory;

/** The orders the manifest pages in, each by keyset (seek) on its value and the tenant id. */
public enum ManifestSort {
    NAME("name"),
    CREATED("created"),
    STATUS_CHANGED("statusChanged"),
    /** Most recent activity first (telemetry's last activity; a tenant without any counts from its creation). */
    LAST_ACTIVITY("lastActivity"),
    /** Most envelopes sent this month first (computed from the announced month, so not indexed: narrow it with filters at scale). */
    ENVELOPES_THIS_MONTH("envelopesThisMonth"),
    /** Most seats used first. */
    SEATS_USED("seatsUsed");

    private final String parameter;

    ManifestSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static ManifestSort fromParameter(String value) {
        for (ManifestSort sort : values()) {
            if (sort.parameter.equals(value)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("sort must be one of name, created, statusChanged, lastActivity, envelopesThisMonth, seatsUsed");
    }
}
