package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.TenantStatus;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The manifest's search box, filter chips, created-date range and sort, and their mapping to
 * and from URL query parameters (the same names as {@code GET /api/admin/manifest}, so a console
 * URL and an API call read alike). Dates are whole UTC days: "created to" includes its day.
 */
final class ManifestFilterBar extends Composite<FlexLayout> {

    private final TextField search = new TextField();
    private final MultiSelectComboBox<TenantStatus> status = new MultiSelectComboBox<>("Status");
    private final MultiSelectComboBox<SubscriptionStatus> subscription = new MultiSelectComboBox<>("Subscription");
    private final com.vaadin.flow.component.button.Button more = new com.vaadin.flow.component.button.Button();
    private final FlexLayout secondary = new FlexLayout();
    private final MultiSelectComboBox<String> plan = new MultiSelectComboBox<>("Plan");
    private final DatePicker createdFrom = new DatePicker("Created from");
    private final DatePicker createdTo = new DatePicker("Created to");
    private final MultiSelectComboBox<String> usage = new MultiSelectComboBox<>("Usage");
    private final Select<Integer> inactive = new Select<>();
    private final Select<ManifestSort> sort = new Select<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean restoring;

    ManifestFilterBar(List<Plan> plans) {
        search.setId("tenant-search");
        search.setLabel("Search");
        search.setPlaceholder("Name, slug, domain or tenant ID");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.setMaxLength(ManifestQuery.MAX_QUERY_LENGTH);
        search.setWidth("18rem");
        // Widths that keep search, status, plan and the toggle on one row beside the actions at 1440 px.
        status.setWidth("10rem");
        plan.setWidth("9rem");
        sort.setWidth("10rem");
        search.setAutofocus(true);
        status.setId("filter-status");
        status.setItems(TenantStatus.values());
        status.setItemLabelGenerator(TenantStatus::label);
        subscription.setId("filter-subscription");
        subscription.setItems(SubscriptionStatus.values());
        subscription.setItemLabelGenerator(SubscriptionStatus::label);
        plan.setId("filter-plan");
        plan.setItems(plans.stream().map(Plan::code).toList());
        createdFrom.setId("filter-created-from");
        createdTo.setId("filter-created-to");
        createdFrom.setClearButtonVisible(true);
        createdTo.setClearButtonVisible(true);
        createdFrom.setWidth("10rem");
        createdTo.setWidth("10rem");
        usage.setId("filter-usage");
        usage.setItems(ManifestQuery.USAGE_APPROACHING, ManifestQuery.USAGE_OVER);
        usage.setItemLabelGenerator(value -> value.equals(ManifestQuery.USAGE_OVER) ? "Over a limit" : "Approaching a limit (80 %)");
        inactive.setId("filter-inactive");
        inactive.setLabel("Inactive for");
        inactive.setItems(0, 30, 60, 90, 180);
        inactive.setItemLabelGenerator(days -> days == 0 ? "Any activity" : days + "+ days");
        inactive.setValue(0);
        inactive.setWidth("9rem");
        sort.setId("manifest-sort");
        sort.setLabel("Sort");
        sort.setItems(ManifestSort.values());
        sort.setItemLabelGenerator(ManifestFilterBar::label);
        sort.setValue(ManifestSort.NAME);
        for (HasValue<?, ?> field : List.of(search, status, subscription, plan, usage, inactive, createdFrom, createdTo, sort)) {
            field.addValueChangeListener(event -> changed());
        }
        // One row of the filters used most; the others behind "More filters", so the grid keeps the height of the screen.
        more.setId("more-filters-toggle");
        more.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> showMore(!secondary.isVisible()));
        secondary.setId("more-filters");
        secondary.add(subscription, usage, inactive, createdFrom, createdTo, sort);
        secondary.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        secondary.setAlignItems(FlexComponent.Alignment.BASELINE);
        secondary.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)").set("flex-basis", "100%");
        FlexLayout layout = getContent();
        layout.add(search, status, plan, more, secondary);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        showMore(false);
    }

    /** Shows or hides the secondary filters; hidden, the toggle counts those in use, which stay applied. */
    private void showMore(boolean shown) {
        secondary.setVisible(shown);
        long used = java.util.stream.Stream.of(!subscription.getValue().isEmpty(), !usage.getValue().isEmpty(),
                inactive.getValue() != null && inactive.getValue() > 0, createdFrom.getValue() != null, createdTo.getValue() != null,
                sort.getValue() != null && sort.getValue() != ManifestSort.NAME)
                .filter(Boolean::booleanValue).count();
        more.setText(shown ? "Fewer filters" : used == 0 ? "More filters" : "More filters (" + used + ")");
    }

    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    TextField searchField() {
        return search;
    }

    /** The query the fields describe, or the field-level error that stops it (shown on that field). */
    ManifestQuery query(int size) {
        LocalDate from = createdFrom.getValue();
        LocalDate to = createdTo.getValue();
        boolean reversed = from != null && to != null && to.isBefore(from);
        createdTo.setInvalid(reversed);
        createdTo.setErrorMessage(reversed ? "Must be on or after 'Created from'" : null);
        String q = search.getValue().isBlank() ? null : search.getValue().strip();
        return new ManifestQuery(q, status.getValue().stream().map(Enum::name).collect(Collectors.toSet()),
                subscription.getValue().stream().map(Enum::name).collect(Collectors.toSet()), Set.copyOf(plan.getValue()),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                sort.getValue() == null ? ManifestSort.NAME : sort.getValue(), size, null, Set.copyOf(usage.getValue()),
                inactive.getValue() == null || inactive.getValue() == 0 ? null : inactive.getValue());
    }

    boolean rangeInvalid() {
        return createdTo.isInvalid();
    }

    void searchError(String message) {
        search.setInvalid(message != null);
        search.setErrorMessage(message);
    }

    QueryParameters parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "q", search.getValue().isBlank() ? List.of() : List.of(search.getValue().strip()));
        put(parameters, "status", status.getValue().stream().map(Enum::name).sorted().toList());
        put(parameters, "subscription", subscription.getValue().stream().map(Enum::name).sorted().toList());
        put(parameters, "plan", plan.getValue().stream().sorted().toList());
        put(parameters, "usage", usage.getValue().stream().sorted().toList());
        put(parameters, "inactiveDays", inactive.getValue() == null || inactive.getValue() == 0 ? List.of() : List.of(inactive.getValue().toString()));
        put(parameters, "createdFrom", createdFrom.getValue() == null ? List.of() : List.of(createdFrom.getValue().toString()));
        put(parameters, "createdTo", createdTo.getValue() == null ? List.of() : List.of(createdTo.getValue().toString()));
        if (sort.getValue() != null && sort.getValue() != ManifestSort.NAME) {
            parameters.put("sort", List.of(sort.getValue().parameter()));
        }
        return new QueryParameters(parameters);
    }

    /** Sets the fields from a bookmarked URL without firing a search per field; unknown values are ignored. */
    void restore(Map<String, List<String>> parameters) {
        restoring = true;
        try {
            search.setValue(first(parameters, "q", Function.identity(), ""));
            status.setValue(parse(parameters.get("status"), TenantStatus::valueOf));
            subscription.setValue(parse(parameters.get("subscription"), SubscriptionStatus::valueOf));
            plan.setValue(parse(parameters.get("plan"), value -> plan.getListDataView().getItems().anyMatch(value::equals) ? value : null));
            usage.setValue(parse(parameters.get("usage"), value -> usage.getListDataView().getItems().anyMatch(value::equals) ? value : null));
            inactive.setValue(first(parameters, "inactiveDays", value -> List.of(30, 60, 90, 180).contains(Integer.valueOf(value))
                    ? Integer.valueOf(value) : 0, 0));
            createdFrom.setValue(first(parameters, "createdFrom", LocalDate::parse, null));
            createdTo.setValue(first(parameters, "createdTo", LocalDate::parse, null));
            sort.setValue(first(parameters, "sort", ManifestSort::fromParameter, ManifestSort.NAME));
        } finally {
            restoring = false;
        }
        // A bookmark that uses a secondary filter opens with it in sight.
        showMore(secondary.isVisible() || !subscription.getValue().isEmpty() || !usage.getValue().isEmpty()
                || (inactive.getValue() != null && inactive.getValue() > 0) || createdFrom.getValue() != null || createdTo.getValue() != null
                || (sort.getValue() != null && sort.getValue() != ManifestSort.NAME));
    }

    void clear() {
        restore(Map.of());
        changed();
    }

    /** "'acme' with status Suspended created from 2026-01-01" — for the no-match message. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!search.getValue().isBlank()) {
            parts.add("'" + search.getValue().strip() + "'");
        }
        if (!status.getValue().isEmpty()) {
            parts.add("with status " + status.getValue().stream().map(TenantStatus::label).sorted().collect(Collectors.joining(" or ")));
        }
        if (!subscription.getValue().isEmpty()) {
            parts.add("with subscription " + subscription.getValue().stream().map(SubscriptionStatus::label).sorted().collect(Collectors.joining(" or ")));
        }
        if (!plan.getValue().isEmpty()) {
            parts.add("on plan " + plan.getValue().stream().sorted().collect(Collectors.joining(" or ")));
        }
        if (!usage.getValue().isEmpty()) {
            parts.add(usage.getValue().stream().sorted().map(value -> value.equals(ManifestQuery.USAGE_OVER) ? "over a limit"
                    : "approaching a limit").collect(Collectors.joining(" or ")));
        }
        if (inactive.getValue() != null && inactive.getValue() > 0) {
            parts.add("inactive for " + inactive.getValue() + "+ days");
        }
        if (createdFrom.getValue() != null) {
            parts.add("created from " + createdFrom.getValue());
        }
        if (createdTo.getValue() != null) {
            parts.add("created to " + createdTo.getValue());
        }
        return parts.isEmpty() ? "yet (the manifest is still catching up)" : String.join(" ", parts);
    }

    private void changed() {
        if (!restoring) {
            listeners.forEach(Runnable::run);
        }
    }

    private static String label(ManifestSort sort) {
        return switch (sort) {
            case NAME -> "Name A–Z";
            case CREATED -> "Newest first";
            case STATUS_CHANGED -> "Latest status change";
            case LAST_ACTIVITY -> "Latest activity";
            case ENVELOPES_THIS_MONTH -> "Most envelopes this month";
            case SEATS_USED -> "Most seats used";
        };
    }

    private static void put(Map<String, List<String>> parameters, String name, List<String> values) {
        if (!values.isEmpty()) {
            parameters.put(name, values);
        }
    }

    private static <T> T first(Map<String, List<String>> parameters, String name, Function<String, T> parser, T fallback) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(values.getFirst());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return fallback;
        }
    }

    private static <T> Set<T> parse(List<String> values, Function<String, T> parser) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().map(value -> {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
