package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.CopyableId;
import com.iusign.platform.app.ui.components.StatusBadge;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestQueryException;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's home: the Global Tenant Manifest. One search box (name fragment, slug, domain or
 * tenant ID), filter chips for status, subscription and plan, and a lazily loaded grid that pages
 * by keyset and never counts a million rows. The URL carries the search, so a view can be
 * bookmarked and shared; Enter on a unique match opens it.
 */
@Route("")
@PageTitle("Tenants")
@Menu(order = 0, title = "Tenants", icon = "vaadin:building")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class TenantsView extends Main implements BeforeEnterObserver {

    private final TenantManifest manifest;
    private final TenantLifecycle lifecycle;
    private final AuthenticationContext authentication;
    private final TextField search = new TextField();
    private final MultiSelectComboBox<TenantStatus> status = new MultiSelectComboBox<>("Status");
    private final MultiSelectComboBox<SubscriptionStatus> subscription = new MultiSelectComboBox<>("Subscription");
    private final MultiSelectComboBox<String> plan = new MultiSelectComboBox<>("Plan");
    private final Grid<ManifestEntry> grid = new Grid<>();
    private final Div message = new Div();
    private final Span count = new Span();
    private boolean restoring;

    TenantsView(TenantManifest manifest, TenantLifecycle lifecycle, AuthenticationContext authentication) {
        this.manifest = manifest;
        this.lifecycle = lifecycle;
        this.authentication = authentication;
        addClassName("console-view");
        count.setId("tenants-count");
        count.addClassName("secondary-text");
        add(toolbar(), count, message, grid);
        configureGrid();
        message.addClassName("empty-state");
        message.setId("tenants-message");
    }

    private HorizontalLayout toolbar() {
        search.setId("tenant-search");
        search.setPlaceholder("Name, slug, domain or tenant ID");
        search.setAriaLabel("Search tenants");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.setMaxLength(ManifestQuery.MAX_QUERY_LENGTH);
        search.setWidth("24rem");
        search.setAutofocus(true);
        search.addKeyPressListener(Key.ENTER, event -> openUniqueMatch());
        status.setId("filter-status");
        status.setItems(TenantStatus.values());
        status.setItemLabelGenerator(TenantStatus::label);
        subscription.setId("filter-subscription");
        subscription.setItems(SubscriptionStatus.values());
        plan.setId("filter-plan");
        plan.setItems(lifecycle.plans().stream().map(Plan::code).toList());
        search.addValueChangeListener(event -> changed());
        status.addValueChangeListener(event -> changed());
        subscription.addValueChangeListener(event -> changed());
        plan.addValueChangeListener(event -> changed());
        Button provision = new Button("Provision tenant", new Icon(VaadinIcon.PLUS),
                click -> new ProvisionTenantDialog(lifecycle, authentication, this::open).open());
        provision.setId("provision-tenant");
        provision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(search, status, subscription, plan, new Span(), provision);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(toolbar.getComponentAt(4));
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(TenantsView::nameCell).setHeader("Name").setFlexGrow(3);
        grid.addComponentColumn(entry -> new StatusBadge(TenantStatus.valueOf(entry.status()))).setHeader("Status").setAutoWidth(true);
        grid.addColumn(entry -> entry.subscriptionStatus().replace('_', ' ').toLowerCase()).setHeader("Subscription").setAutoWidth(true);
        grid.addColumn(ManifestEntry::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(ManifestEntry::ownerEmail).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(entry -> Times.relative(entry.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(entry -> new CopyableId(entry.id(), true)).setHeader("ID").setAutoWidth(true);
        grid.setSizeFull();
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, click.getItem().id().toString())));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        search.setValue(parameters.getOrDefault("q", List.of("")).getFirst());
        status.setValue(parse(parameters.get("status"), TenantStatus::valueOf));
        subscription.setValue(parse(parameters.get("subscription"), SubscriptionStatus::valueOf));
        plan.setValue(parse(parameters.get("plan"), value -> plan.getListDataView().getItems().anyMatch(value::equals) ? value : null));
        restoring = false;
        refresh();
    }

    private void changed() {
        if (restoring) {
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!search.getValue().isBlank()) {
            parameters.put("q", List.of(search.getValue().strip()));
        }
        put(parameters, "status", status.getValue().stream().map(Enum::name).toList());
        put(parameters, "subscription", subscription.getValue().stream().map(Enum::name).toList());
        put(parameters, "plan", List.copyOf(plan.getValue()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "?" + new QueryParameters(parameters).getQueryString()));
        refresh();
    }

    private void refresh() {
        ManifestQuery query = query();
        List<ManifestEntry> probe;
        try {
            probe = manifest.search(new ManifestQuery(query.q(), query.statuses(), query.subscriptions(), query.plans(), null, null,
                    ManifestSort.NAME, 1, null)).items();
        } catch (ManifestQueryException e) {
            search.setInvalid(true);
            search.setErrorMessage(e.getMessage());
            return;
        }
        search.setInvalid(false);
        message.removeAll();
        if (probe.isEmpty()) {
            count.setText("");
            grid.setVisible(false);
            message.setVisible(true);
            if (manifest.isEmpty()) {
                message.add(new Icon(VaadinIcon.BUILDING_O), new H2("No tenants yet — provision the first"),
                        new Paragraph("Every organization on the platform will be listed here: search it by name, slug,"
                                + " domain or tenant ID, see its status, and govern it."));
            } else {
                Button clear = new Button("Clear search and filters", click -> clear());
                clear.setId("clear-filters");
                message.add(new H2("No tenant matches " + describe()), clear);
            }
            return;
        }
        message.setVisible(false);
        grid.setVisible(true);
        TenantManifest.ManifestCount counted = manifest.count(query, 1000);
        count.setText(String.format("%,d%s tenant%s", counted.value(), counted.atLeast() ? "+" : "",
                counted.value() == 1 && !counted.atLeast() ? "" : "s"));
        ManifestDataView data = new ManifestDataView(manifest, query);
        grid.setItems(request -> data.fetch(request.getOffset(), request.getLimit()));
    }

    private void openUniqueMatch() {
        List<ManifestEntry> matches = manifest.search(new ManifestQuery(query().q(), query().statuses(), query().subscriptions(),
                query().plans(), null, null, ManifestSort.NAME, 2, null)).items();
        if (matches.size() == 1) {
            getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, matches.getFirst().id().toString()));
        }
    }

    private void open(Tenant tenant) {
        getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, tenant.id().value().toString()));
    }

    private void clear() {
        restoring = true;
        search.clear();
        status.clear();
        subscription.clear();
        plan.clear();
        restoring = false;
        changed();
    }

    private ManifestQuery query() {
        String q = search.getValue().isBlank() ? null : search.getValue().strip();
        return new ManifestQuery(q, status.getValue().stream().map(Enum::name).collect(Collectors.toSet()),
                subscription.getValue().stream().map(Enum::name).collect(Collectors.toSet()), Set.copyOf(plan.getValue()),
                null, null, ManifestSort.NAME, ManifestDataView.PAGE, null);
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        if (!search.getValue().isBlank()) {
            parts.add("'" + search.getValue().strip() + "'");
        }
        if (!status.getValue().isEmpty()) {
            parts.add("with status " + status.getValue().stream().map(TenantStatus::label).collect(Collectors.joining(" or ")));
        }
        if (!subscription.getValue().isEmpty()) {
            parts.add("with subscription " + subscription.getValue().stream().map(Enum::name).collect(Collectors.joining(" or ")));
        }
        if (!plan.getValue().isEmpty()) {
            parts.add("on plan " + String.join(" or ", plan.getValue()));
        }
        return parts.isEmpty() ? "yet (the manifest is still catching up)" : String.join(" ", parts);
    }

    private static void put(Map<String, List<String>> parameters, String name, List<String> values) {
        if (!values.isEmpty()) {
            parameters.put(name, values);
        }
    }

    private static <T> Set<T> parse(List<String> values, java.util.function.Function<String, T> parser) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().map(value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static Div nameCell(ManifestEntry entry) {
        Span name = new Span(entry.name());
        Span slug = new Span(entry.slug());
        slug.addClassName("secondary-text");
        Div cell = new Div(name, slug);
        cell.addClassName("name-cell");
        return cell;
    }
}
