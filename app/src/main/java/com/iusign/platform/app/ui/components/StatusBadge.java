package com.iusign.platform.app.ui.components;

import com.iusign.platform.lifecycle.TenantStatus;
import com.vaadin.flow.component.html.Span;

/** A tenant's operational status at a glance: Active green, Suspended amber, Deactivated grey. */
public final class StatusBadge extends Span {

    public StatusBadge(TenantStatus status) {
        String label = status.name().charAt(0) + status.name().substring(1).toLowerCase();
        setText(label);
        addClassNames("status-badge", "status-" + status.name().toLowerCase());
        getElement().setAttribute("title", "Operational status: " + label);
    }
}
