package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.StatusBadge;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.lifecycle.TenantHistory;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The status timeline and the name history of a tenant, newest first. */
class TenantHistoryPanel extends Div {

    TenantHistoryPanel(TenantHistory history) {
        addClassName("history-panel");
        UnorderedList statuses = new UnorderedList();
        statuses.setId("status-history");
        statuses.addClassName("timeline");
        for (TenantHistory.StatusEntry entry : history.statusChanges()) {
            Span what = entry.from() == null ? new Span("Provisioned as ") : new Span(entry.from().label() + " → ");
            Div line = new Div(what, new StatusBadge(entry.to()), new Span(" by " + entry.by().name() + " · "),
                    Times.relative(entry.at()));
            Paragraph why = new Paragraph(entry.reason() + (entry.ticket() == null ? "" : " [" + entry.ticket() + "]"));
            why.addClassName("secondary-text");
            statuses.add(new ListItem(line, why));
        }
        add(new H3("Status"), statuses);
        if (!history.renames().isEmpty()) {
            UnorderedList names = new UnorderedList();
            names.setId("name-history");
            names.addClassName("timeline");
            for (TenantHistory.NameEntry entry : history.renames()) {
                Div line = new Div(new Span("“" + entry.oldName() + "” → “" + entry.newName() + "” by " + entry.by().name() + " · "),
                        Times.relative(entry.at()));
                Paragraph why = new Paragraph(entry.reason());
                why.addClassName("secondary-text");
                names.add(new ListItem(line, why));
            }
            add(new H3("Names"), names);
        }
    }
}
