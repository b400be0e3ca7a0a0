package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.CopyableId;
import com.iusign.platform.app.ui.components.StatusBadge;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantSummary;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * The console's home: the Global Tenant Manifest. Today a grid of the first tenants by name with
 * provisioning, or an empty state that says what to do; search, filters and keyset paging arrive
 * with the manifest issue.
 */
@Route("")
@PageTitle("Tenants")
@Menu(order = 0, title = "Tenants", icon = "vaadin:building")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class TenantsView extends Main {

    private final TenantManifest manifest;
    private final TenantLifecycle lifecycle;
    private final AuthenticationContext authentication;

    TenantsView(TenantManifest manifest, TenantLifecycle lifecycle, AuthenticationContext authentication) {
        this.manifest = manifest;
        this.lifecycle = lifecycle;
        this.authentication = authentication;
        addClassName("console-view");
        Button provision = new Button("Provision tenant", new Icon(VaadinIcon.PLUS), click -> openProvisionDialog());
        provision.setId("provision-tenant");
        provision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(provision);
        toolbar.setJustifyContentMode(HorizontalLayout.JustifyContentMode.END);
        toolbar.setWidthFull();
        List<TenantSummary> tenants = manifest.firstPage();
        add(toolbar, tenants.isEmpty() ? emptyState() : grid(tenants));
    }

    private void openProvisionDialog() {
        new ProvisionTenantDialog(lifecycle, authentication, this::open).open();
    }

    private void open(Tenant tenant) {
        getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, tenant.id().value().toString()));
    }

    private Div emptyState() {
        Icon icon = new Icon(VaadinIcon.BUILDING_O);
        icon.addClassName("empty-state-icon");
        H2 title = new H2("No tenants yet — provision the first");
        Paragraph hint = new Paragraph("Every organization on the platform will be listed here: search it by name, slug,"
                + " domain or tenant ID, see its status and usage, and govern it.");
        Button provision = new Button("Provision the first tenant", click -> openProvisionDialog());
        Div empty = new Div(icon, title, hint, provision);
        empty.addClassName("empty-state");
        empty.setId("tenants-empty-state");
        return empty;
    }

    private Grid<TenantSummary> grid(List<TenantSummary> tenants) {
        Grid<TenantSummary> grid = new Grid<>();
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(TenantsView::nameCell).setHeader("Name").setFlexGrow(3);
        grid.addComponentColumn(tenant -> new StatusBadge(tenant.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(tenant -> tenant.subscriptionStatus().name().replace('_', ' ').toLowerCase()).setHeader("Subscription").setAutoWidth(true);
        grid.addColumn(TenantSummary::plan).setHeader("Plan").setAutoWidth(true);
        grid.addComponentColumn(tenant -> Times.relative(tenant.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(tenant -> new CopyableId(tenant.id().value(), true)).setHeader("ID").setAutoWidth(true);
        grid.setItems(tenants);
        grid.setSizeFull();
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(TenantDetailView.class, click.getItem().id().value().toString())));
        return grid;
    }

    private static Div nameCell(TenantSummary tenant) {
        Span name = new Span(tenant.name());
        Span slug = new Span(tenant.slug());
        slug.addClassName("secondary-text");
        Div cell = new Div(name, slug);
        cell.addClassName("name-cell");
        return cell;
    }
}
