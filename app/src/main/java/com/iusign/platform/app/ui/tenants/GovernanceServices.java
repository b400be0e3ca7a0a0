package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.telemetry.BlastRadii;
import org.springframework.stereotype.Component;

/** What the tenant view's header actions act through beyond the lifecycle: sessions, flags, and the blast radius shown before acting. */
@Component
record GovernanceServices(SessionRevocation sessions, TenantFlags flags, BlastRadii radii) {
}
