package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.fleet.FleetAction;
import com.iusign.platform.fleet.FleetJobs;
import com.iusign.platform.fleet.FleetSelection;
import com.iusign.platform.fleet.FleetTarget;
import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.BlastRadii;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Fleet actions from the manifest: the rows ticked in the grid, or every tenant matching the
 * current filter ("Select all matching"), suspended, reactivated or flushed together through a
 * {@link FleetActionDialog}. Shown only while something is selected.
 */
final class FleetBar extends HorizontalLayout {

    private final Grid<ManifestEntry> grid;
    private final Supplier<ManifestQuery> query;
    private final Supplier<String> description;
    private final FleetJobs jobs;
    private final BlastRadii radii;
    private final BiFunction<String, String, Change> change;
    private final Span selected = new Span();
    private final Button selectAll = new Button("Select all matching this filter");
    private boolean allMatching;

    FleetBar(Grid<ManifestEntry> grid, Supplier<ManifestQuery> query, Supplier<String> description, FleetJobs jobs, BlastRadii radii,
             BiFunction<String, String, Change> change) {
        this.grid = grid;
        this.query = query;
        this.description = description;
        this.jobs = jobs;
        this.radii = radii;
        this.change = change;
        setId("fleet-bar");
        addClassName("fleet-bar");
        setAlignItems(Alignment.BASELINE);
        selected.setId("fleet-selected");
        selectAll.setId("fleet-select-all");
        selectAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        selectAll.addClickListener(click -> {
            allMatching = true;
            update();
        });
        Button clear = new Button("Clear selection", click -> reset());
        clear.setId("fleet-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(selected, selectAll, action("fleet-suspend", "Suspend…", FleetAction.SUSPEND), action("fleet-reactivate", "Reactivate…",
                FleetAction.REACTIVATE), action("fleet-flush", "Flush sessions…", FleetAction.FLUSH), clear);
        grid.addSelectionListener(event -> {
            allMatching = false;
            update();
        });
        update();
    }

    /** The filter changed: a selection made under the old one no longer means anything. */
    void reset() {
        allMatching = false;
        grid.deselectAll();
        update();
    }

    private Button action(String id, String label, FleetAction action) {
        Button button = new Button(label, click -> open(action));
        button.setId(id);
        if (action == FleetAction.SUSPEND) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    private void update() {
        int rows = grid.getSelectedItems().size();
        setVisible(allMatching || rows > 0);
        selected.setText(allMatching ? "Every tenant matching " + description.get() + " is selected"
                : String.format("%,d selected", rows));
        selectAll.setVisible(!allMatching);
    }

    private void open(FleetAction action) {
        FleetSelection selection = allMatching ? FleetSelection.matching(query.get(), description.get())
                : FleetSelection.of(grid.getSelectedItems().stream().map(entry -> new TenantId(entry.id())).toList());
        List<FleetTarget> targets;
        try {
            targets = jobs.resolve(selection);
        } catch (InvalidInput e) {
            Actions.refused(String.join(" ", e.fieldErrors().values()));
            return;
        }
        new FleetActionDialog(jobs, radii, action, selection, targets, change).open();
    }
}
