package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.fleet.FleetJobs;
import com.iusign.platform.telemetry.BlastRadii;
import com.iusign.platform.app.ui.live.ConsoleUpdates;
import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestQueryException;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.mail.PublicLinks;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.iusign.platform.inventory.ManifestPage;
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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.util.List;

/**
 * The console's home: the Global Tenant Manifest. One search box (name fragment, slug, domain or
 * tenant ID), filter chips for status, subscription and plan, a created-date range and a sort (see
 * {@link ManifestFilterBar}), and a lazily loaded grid that pages
 * by keyset and never counts a million rows. The URL carries the search, so a view can be
 * bookmarked and shared; Enter on a unique match opens it.
 */
@Route("")
@PageTitle("Tenants")
@Menu(order = 0, title = "Tenants", icon = "vaadin:building")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class TenantsView extends Main implements BeforeEnterObserver {

    private final PublicLinks links;

    private static final Logger log = LoggerFactory.getLogger(TenantsView.class);

    private final TenantManifest manifest;
    private final TenantLifecycle lifecycle;
    private final AuthenticationContext authentication;
    private final ManifestFilterBar filters;
    private final Grid<ManifestEntry> grid = new Grid<>();
    private final Div message = new Div();
    private final Span count = new Span();

    private final Span live = new Span();

    private final FleetBar fleet;
    private @org.jspecify.annotations.Nullable ManifestEntry focused;
    /** The latest search, for the CSV export's download request (served outside this view's requests). */
    private volatile ManifestQuery exportQuery;
    private volatile String exportFilter = "";
    /** Which search is the latest: a count answering an older one is not shown. */
    private int searches;

    TenantsView(TenantManifest manifest, TenantLifecycle lifecycle, AuthenticationContext authentication, PublicLinks links,
                ConsoleUpdates updates, FleetJobs jobs, BlastRadii radii) {
        this.links = links;
        this.manifest = manifest;
        this.lifecycle = lifecycle;
        this.authentication = authentication;
        this.filters = new ManifestFilterBar(lifecycle.plans());
        this.exportQuery = filters.query(ManifestDataView.PAGE);
        addClassName("console-view");
        count.setId("tenants-count");
        count.addClassName("secondary-text");
        live.setId("tenants-live");
        live.addClassName("secondary-text");
        // Before the fleet bar listens: a new selection mode replaces the model, and the listeners on the old one with it.
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        fleet = new FleetBar(grid, () -> filters.query(ManifestDataView.PAGE), () -> filters.describe().isBlank() ? "no filter (every tenant)" : filters.describe(), jobs, radii,
                (reason, ticket) -> Actions.change(authentication, reason, ticket));
        add(toolbar(), new Div(count, live), fleet, message, grid);
        updates.follow(this, this::changedElsewhere);
        configureGrid();
        message.addClassName("empty-state");
        message.setId("tenants-message");
    }

    private HorizontalLayout toolbar() {
        filters.searchField().addKeyPressListener(Key.ENTER, event -> openUniqueMatch());
        filters.searchField().getElement().setAttribute("data-skip-target", true);
        filters.addChangeListener(this::changed);
        Button provision = new Button("Provision tenant", new Icon(VaadinIcon.PLUS),
                click -> new ProvisionTenantDialog(lifecycle, authentication, links, this::open).open());
        provision.setId("provision-tenant");
        provision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(filters, exportLink(), provision);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(filters);
        return toolbar;
    }

    /**
     * The manifest of the current filter as CSV — the API's format, streamed a page at a time — and
     * audited as an export, as the API's is. It reads the query of the latest search, kept for it.
     */
    private com.vaadin.flow.component.html.Anchor exportLink() {
        String admin = authentication.getPrincipalName().orElse("SuperAdmin");
        var link = new com.vaadin.flow.component.html.Anchor((com.vaadin.flow.server.streams.DownloadEvent event) -> {
            ManifestQuery all = exportQuery.withSize(ManifestQuery.MAX_SIZE);
            manifest.validate(all);
            manifest.exported(com.iusign.platform.kernel.Actor.superAdmin(admin), exportFilter, "console-" + java.util.UUID.randomUUID());
            event.setFileName("tenant-manifest.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(event.getOutputStream(),
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
                out.write(com.iusign.platform.inventory.ManifestCsv.HEADER);
                manifest.export(all, entry -> com.iusign.platform.inventory.ManifestCsv.write(out, entry));
            }
        }, "Export CSV");
        link.setId("manifest-export");
        link.getStyle().set("white-space", "nowrap");
        link.getElement().setAttribute("download", true);
        link.getElement().setAttribute("title", "Every tenant matching the current search and filters, as CSV (audited)");
        return link;
    }

    private void configureGrid() {
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        ManifestColumns.addTo(grid);
        grid.setSizeFull();
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, click.getItem().id().toString())));
        // Enter opens the focused row, as a click does (Space stays the grid's own: it toggles the row's selection).
        grid.addCellFocusListener(focus -> focused = focus.getItem().orElse(null));
        com.vaadin.flow.component.Shortcuts.addShortcutListener(grid, () -> {
            if (focused != null) {
                getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, focused.id().toString()));
            }
        }, Key.ENTER).listenOn(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.restore(event.getLocation().getQueryParameters().getParameters());
        refresh();
    }

    /** Another session or a job changed tenants: the rows shown are re-read (the scroll position stays) and the line says so. */
    private void changedElsewhere(List<ConsoleUpdates.Signal> batch) {
        int changed = ConsoleUpdates.tenants(batch, ConsoleUpdates.Signal.Kind.MANIFEST).size();
        if (changed == 0 || !grid.isVisible()) {
            return;
        }
        grid.getDataProvider().refreshAll();
        live.setText(String.format("Live: %,d tenant%s changed at %s; the list shows them as they are now", changed,
                changed == 1 ? "" : "s", Times.exact(java.time.Instant.now())));
    }

    private void changed() {
        fleet.reset();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "?" + filters.parameters().getQueryString()));
        refresh();
    }

    private void refresh() {
        ManifestQuery query = filters.query(ManifestDataView.PAGE);
        exportQuery = query;
        exportFilter = filters.parameters().getQueryString();
        if (filters.rangeInvalid()) {
            return;
        }
        try {
            show(query);
        } catch (ManifestQueryException e) {
            filters.searchError(e.getMessage());
        } catch (DataAccessException e) {
            // The SuperAdmin must tell "no tenant matches" from "the manifest cannot be read right now".
            log.warn("Tenant manifest unavailable", e);
            showMessage(new Icon(VaadinIcon.WARNING), new H2("The tenant manifest cannot be read right now"),
                    new Paragraph("The database did not answer. Nothing was changed; try again in a moment."),
                    button("retry-manifest", "Retry", this::refresh));
        }
    }

    /**
     * One query decides between rows and the no-match message, and its page is the grid's first. The
     * count follows off the request thread (pushed when done), so the rows never wait for it; a
     * count for a search the SuperAdmin has already replaced by typing on is dropped. A first page
     * shorter than a page is its own exact count and needs no count query.
     */
    private void show(ManifestQuery query) {
        int search = ++searches;
        ManifestPage first = manifest.search(query.withSize(ManifestDataView.PAGE));
        filters.searchError(null);
        if (first.items().isEmpty()) {
            if (manifest.isEmpty()) {
                showMessage(new Icon(VaadinIcon.BUILDING_O), new H2("No tenants yet — provision the first"),
                        new Paragraph("Every organization on the platform will be listed here: search it by name, slug,"
                                + " domain or tenant ID, see its status, and govern it."));
            } else {
                showMessage(new H2("No tenant matches " + filters.describe()), button("clear-filters", "Clear search and filters", filters::clear));
            }
            return;
        }
        message.setVisible(false);
        grid.setVisible(true);
        ManifestDataView data = ManifestDataView.startingWith(manifest, query, first);
        var lazy = grid.setItems(request -> data.fetch(request.getOffset(), request.getLimit()));
        lazy.setItemCountEstimateIncrease(1000);
        if (first.nextCursor() == null) {
            showCount(new TenantManifest.ManifestCount(first.items().size(), false), lazy);
            return;
        }
        count.setText("Counting…");
        lazy.setItemCountEstimate(ManifestDataView.PAGE * 2);
        UI ui = UI.getCurrent();
        Thread.ofVirtual().name("manifest-count").start(() -> {
            try {
                TenantManifest.ManifestCount counted = manifest.count(query, 1000);
                ui.access(() -> {
                    if (search == searches) {
                        showCount(counted, lazy);
                    }
                });
            } catch (DataAccessException e) {
                log.warn("Tenant manifest count unavailable", e);
                ui.access(() -> count.setText(search == searches ? "Count unavailable" : count.getText()));
            } catch (UIDetachedException e) {
                // The SuperAdmin left; nobody waits for this count.
            }
        });
    }

    private void showCount(TenantManifest.ManifestCount counted, GridLazyDataView<ManifestEntry> lazy) {
        count.setText(String.format("%,d%s tenant%s", counted.value(), counted.atLeast() ? "+" : "",
                counted.value() == 1 && !counted.atLeast() ? "" : "s"));
        // Size the scrollbar from the capped count: exact up to the cap, then grown a thousand rows at a time.
        lazy.setItemCountEstimate((int) Math.max(1, counted.value()));
    }

    private void showMessage(Component... content) {
        count.setText("");
        grid.setVisible(false);
        message.removeAll();
        message.add(content);
        message.setVisible(true);
    }

    private void openUniqueMatch() {
        List<ManifestEntry> matches = manifest.search(filters.query(2)).items();
        if (matches.size() == 1) {
            getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, matches.getFirst().id().toString()));
        }
    }

    private void open(Tenant tenant) {
        getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, tenant.id().value().toString()));
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        return button;
    }
}
