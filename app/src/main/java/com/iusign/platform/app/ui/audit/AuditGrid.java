package com.iusign.platform.app.ui.audit;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.audit.AuditEntry;
import com.iusign.platform.audit.AuditPage;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Audit entries newest first, fetched a page at a time with the trail's cursor ("Load older entries"). */
public class AuditGrid extends Div {

    private static final int PAGE = 50;

    private final AuditTrail trail;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Button more = new Button("Load older entries", click -> loadMore());
    private final List<AuditEntry> shown = new ArrayList<>();
    private final Function<java.util.Collection<java.util.UUID>, Map<java.util.UUID, String>> names;
    private Map<java.util.UUID, String> tenantNames = Map.of();
    private Function<Long, AuditQuery> query;
    private @Nullable Long cursor;

    public AuditGrid(AuditTrail trail, boolean showTenant) {
        this(trail, showTenant, ids -> Map.of());
    }

    /** @param names the names of the tenants among the given ids, shown as links to them (an id alone for one without a name) */
    public AuditGrid(AuditTrail trail, boolean showTenant, Function<java.util.Collection<java.util.UUID>, Map<java.util.UUID, String>> names) {
        this.trail = trail;
        this.names = names;
        addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(entry -> Times.relative(entry.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(entry -> entry.actor() + " (" + entry.actorKind().toLowerCase().replace('_', ' ') + ")").setHeader("Actor").setAutoWidth(true);
        if (showTenant) {
            grid.addComponentColumn(this::tenant).setHeader("Tenant").setAutoWidth(true);
        }
        grid.addColumn(entry -> entry.reason() == null ? "" : entry.reason()
                + (entry.ticket() == null ? "" : " [" + entry.ticket() + "]")).setHeader("Reason").setFlexGrow(2);
        grid.addComponentColumn(AuditGrid::change).setHeader("Change").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        add(grid, more);
        query = before -> new AuditQuery(null, null, null, before, PAGE);
    }

    /** Shows the first page of {@code query}, which receives the cursor of the page to load. */
    public void show(Function<Long, AuditQuery> query) {
        this.query = query;
        shown.clear();
        cursor = null;
        loadMore();
    }

    private void loadMore() {
        AuditPage page = trail.find(query.apply(cursor));
        shown.addAll(page.items());
        cursor = page.nextCursor();
        // One lookup per page for the names of the tenants it shows, not one per row.
        tenantNames = names.apply(shown.stream().map(AuditEntry::tenantId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        grid.setItems(shown);
        more.setVisible(cursor != null);
    }

    private com.vaadin.flow.component.Component tenant(AuditEntry entry) {
        if (entry.tenantId() == null) {
            return new Span();
        }
        String id = entry.tenantId().toString();
        String name = tenantNames.get(entry.tenantId());
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor("tenants/" + id, name == null ? id.substring(0, 8) : name);
        link.getElement().setAttribute("title", "Tenant " + id);
        link.addClassName("audit-tenant");
        return link;
    }

    private static Span change(AuditEntry entry) {
        Span span = new Span(describe(entry.before()) + " → " + describe(entry.after()));
        span.getElement().setAttribute("title", "Entry #" + entry.id() + ", correlation " + entry.correlationId()
                + ", hash " + entry.hash());
        return span;
    }

    private static String describe(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "—";
        }
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", "));
    }
}
