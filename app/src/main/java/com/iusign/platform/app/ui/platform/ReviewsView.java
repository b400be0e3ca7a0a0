package com.iusign.platform.app.ui.platform;

import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.domains.TenantDomains;
import com.iusign.platform.inventory.ReviewLists;
import com.vaadin.flow.component.html.Main;
import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.security.Approvals;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Reviews: four-eyes requests waiting for a second SuperAdmin, tenants approaching their quotas (proactive support), tenants for compliance review
 * (flagged, inactive, trial overdue — with bulk suspend/deactivate) and certificates about to
 * expire. Its own place in the menu, as UI.md foresees once the lists outgrow the Platform view.
 */
@Route("reviews")
@PageTitle("Reviews")
@Menu(order = 1, title = "Reviews", icon = "vaadin:clipboard-check")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class ReviewsView extends Main {

    ReviewsView(ReviewLists reports, TenantLifecycle lifecycle, AuthenticationContext authentication, TenantDomains domains,
                Approvals approvals, com.iusign.platform.compliance.TenantOutreach outreach, com.iusign.platform.telemetry.BlastRadii radii) {
        addClassName("console-view");
        ApproachingLimitsPanel limits = new ApproachingLimitsPanel(reports, lifecycle, outreach, reason -> Actions.change(authentication, reason, null));
        limits.addClassName("platform-section");
        add(new ApprovalsPanel(approvals, reason -> Actions.change(authentication, reason, null)), limits,
                new ReviewsPanel(reports, lifecycle, authentication, domains, radii));
    }
}
