package com.iusign.platform.security;

/** The authorities the control plane knows. */
public final class PlatformAuthorities {

    /** Role name of a SuperAdmin, in {@code @RolesAllowed} and in the admin API tokens' {@code roles} claim. */
    public static final String SUPERADMIN = "SUPERADMIN";

    /** The granted authority Spring Security checks for a SuperAdmin. */
    public static final String ROLE_SUPERADMIN = "ROLE_" + SUPERADMIN;

    private PlatformAuthorities() {
    }
}
