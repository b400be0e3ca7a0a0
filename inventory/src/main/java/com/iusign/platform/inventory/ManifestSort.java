package com.iusign.platform.inventory;

/** The orders the manifest pages in; each has a keyset index. */
public enum ManifestSort {
    NAME("name"),
    CREATED("created"),
    STATUS_CHANGED("statusChanged"),
    /** Most recent activity first (telemetry's last activity; a tenant without any counts from its creation). */
    LAST_ACTIVITY("lastActivity");

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
        throw new IllegalArgumentException("sort must be one of name, created, statusChanged, lastActivity");
    }
}
