package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Fact;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantMasterKey;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Keys tab: the tenant's master key as the provider reports it (provider, key id, alias,
 * state, created, last rotated, generations of material), how its data keys are wrapped, and
 * "Rotate now…" with a reason (audited). A key service that cannot be reached is said in the tab,
 * not hidden: the rest of the tenant's page keeps working.
 */
final class TenantKeysPanel extends Div {

    private final TenantId tenantId;
    private final String tenantName;
    private final TenantKeys keys;
    private final Function<String, Change> change;
    private final Runnable changed;

    /** @param changed re-renders the tenant's page after a rotation (its Audit tab shows the new entry) */
    TenantKeysPanel(TenantId tenantId, String tenantName, TenantKeys keys, Function<String, Change> change, Runnable changed) {
        this.changed = changed;
        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.keys = keys;
        this.change = change;
        setId("keys-panel");
        render();
    }

    private void render() {
        removeAll();
        TenantKeys.KeyReport report;
        try {
            report = keys.describe(tenantId);
        } catch (Refusal e) {
            Paragraph unavailable = new Paragraph("The key provider could not describe this tenant's key: " + e.getMessage());
            unavailable.setId("keys-unavailable");
            unavailable.addClassNames("status-badge", "check-WARN");
            add(unavailable);
            return;
        }
        TenantMasterKey master = report.master();
        if (master == null) {
            add(new Paragraph(tenantName + " has no master key yet: the " + report.provider() + " provider creates one with the"
                    + " tenant's first document, so a tenant that stores nothing costs no key."));
        } else {
            Span state = new Span(stateLabel(master));
            state.setId("key-state");
            state.addClassNames("status-badge", master.usable() ? "check-PASS" : "check-FAIL");
            Span keyId = new Span(master.keyId());
            keyId.setId("key-id");
            keyId.addClassName("tenant-id");
            Span generations = new Span(String.valueOf(master.materialVersions()));
            generations.setId("key-generations");
            Span lastRotated = master.lastRotatedAt() == null ? new Span("never") : Times.relative(master.lastRotatedAt());
            lastRotated.setId("key-last-rotated");
            Div facts = new Div(Fact.of("Provider", master.provider()), Fact.of("Key ID", keyId),
                    Fact.of("Alias", master.alias() == null ? "none (local provider)" : master.alias()), Fact.of("State", state),
                    Fact.of("Created", Times.relative(master.createdAt())),
                    Fact.of("Last rotated", lastRotated), Fact.of("Generations of material", generations),
                    Fact.of("Data keys", report.dataKeys().entrySet().stream().map(entry -> entry.getValue() + " under " + entry.getKey())
                            .collect(Collectors.joining(", "))));
            if (master.deletionDate() != null) {
                facts.add(Fact.of(master.state() == TenantMasterKey.State.DESTROYED ? "Destroyed" : "Deleted by KMS on",
                        new Span(Times.exact(master.deletionDate()))));
            }
            facts.addClassName("tenant-overview");
            add(facts);
        }
        if (master == null || master.usable()) {
            Button rotate = new Button("Rotate now…", VaadinIcon.REFRESH.create(), click -> openRotateDialog());
            rotate.setId("keys-rotate");
            rotate.getStyle().set("margin-top", "var(--lumo-space-m)");
            add(rotate);
        }
    }

    private void openRotateDialog() {
        new ReasonDialog("Rotate the master key of " + tenantName + "?",
                "The master key gets new material and the tenant's data keys are re-wrapped under it. Documents are not"
                        + " re-encrypted and keep opening; nothing changes for the tenant's users.",
                "Rotate key", change, rotation -> {
                    try {
                        TenantMasterKey rotated = keys.rotate(tenantId, rotation);
                        Actions.succeeded("Master key of " + tenantName + " rotated (generation " + rotated.materialVersions()
                                + "). The rotation is in the Audit tab.");
                    } catch (Refusal e) {
                        Actions.refused(e.getMessage());
                    }
                    changed.run();
                }).open();
    }

    private static String stateLabel(TenantMasterKey master) {
        return switch (master.state()) {
            case ENABLED -> "Enabled";
            case DISABLED -> "Disabled in KMS";
            case PENDING_DELETION -> "Pending deletion";
            case DESTROYED -> "Destroyed";
        };
    }
}
