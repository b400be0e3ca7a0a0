package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.telemetry.BlastRadii;
import org.springframework.stereotype.Component;

/**
 * What the tenant view acts through beyond the lifecycle: sessions, flags, the blast radius shown
 * before acting, and the manifest that resolves the short id prefix the grid shows.
 */
@Component
record GovernanceServices(SessionRevocation sessions, TenantFlags flags, BlastRadii radii, TenantManifest manifest) {
}
