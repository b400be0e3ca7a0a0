package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.retention.LegalHold;
import com.iusign.platform.retention.TenantPurges;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadEvent;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a deactivated or purged tenant says about itself at the top of its page: since when, when
 * the purge comes (or the legal hold that stops it, or how far the purge got), and the actions of
 * its end of life — legal hold, restore and purge now (both under four eyes); for a purged tenant,
 * the signed destruction record.
 */
final class TenantRetentionBanner extends Div {

    TenantRetentionBanner(Tenant tenant, EndOfLifeServices services, Function<String, Change> change, Runnable changed) {
        setId("retention-banner");
        addClassNames("retention-banner", tenant.status() == TenantStatus.PURGED ? "check-FAIL" : "check-WARN");
        TenantId id = tenant.id();
        TenantPurges.RetentionState state = services.purges().state(tenant);
        Paragraph summary = new Paragraph();
        summary.setId("retention-summary");
        add(summary);
        if (tenant.status() == TenantStatus.PURGED) {
            long rows = state.purge() == null ? 0 : state.purge().rowsDeleted().values().stream().mapToLong(Long::longValue).sum();
            summary.setText("Purged " + Times.exact(tenant.purgedAt()) + ": " + rows + " rows deleted, its master key destroyed."
                    + " Only this tombstone and the audit trail remain.");
            Anchor record = new Anchor((DownloadEvent event) -> {
                event.setFileName("destruction-record-" + id.value() + ".jws");
                event.setContentType("application/jose");
                try (var out = event.getOutputStream()) {
                    out.write(services.records().of(id).orElseThrow().getBytes(StandardCharsets.US_ASCII));
                }
            }, "Download the signed destruction record");
            record.setId("destruction-record");
            record.getElement().setAttribute("download", true);
            add(record);
            return;
        }
        summary.setText("Deactivated " + Times.exact(tenant.statusChangedAt()) + ". " + outlook(tenant, state));
        HorizontalLayout actions = new HorizontalLayout();
        boolean begun = state.purge() != null && state.purge().startedAt() != null;
        LegalHold hold = state.legalHold();
        if (hold == null && !begun) {
            actions.add(button("retention-hold", "Place legal hold…", () -> new ReasonDialog("Place a legal hold on " + tenant.name() + "?",
                    "The tenant is not purged while the hold stands, whatever its retention window says.", "Place hold", change,
                    act(rationale -> services.holds().place(id, rationale), "Legal hold placed.", changed)).open()));
        }
        if (hold != null) {
            actions.add(button("retention-release", "Release legal hold…", () -> new ReasonDialog("Release the legal hold on "
                    + tenant.name() + "?", "The purge then follows the retention window again.", "Release hold", change,
                    act(rationale -> services.holds().release(id, rationale), "Legal hold released.", changed)).open()));
        }
        if (state.purge() == null) {
            if (hold == null) {
                actions.add(button("retention-purge", "Purge now…", () -> new ReasonDialog("Purge " + tenant.name() + " now?",
                        "A second SuperAdmin must approve. Then every row of the tenant is deleted and its master key destroyed:"
                                + " no copy of its documents can be read again. The audit trail stays.", "Request purge", change,
                        act(rationale -> services.purges().requestPurge(id, rationale),
                                "Purge requested: waiting for a second SuperAdmin (Reviews → Approvals).", changed)).open()));
            }
            actions.add(button("retention-restore", "Restore…", () -> new ReasonDialog("Restore " + tenant.name() + "?",
                    "A second SuperAdmin must approve. The tenant becomes active again; sessions ended by the deactivation stay ended.",
                    "Request restore", change, act(rationale -> services.purges().requestRestore(id, rationale),
                    "Restore requested: waiting for a second SuperAdmin (Reviews → Approvals).", changed)).open()));
        }
        add(actions);
    }

    private static String outlook(Tenant tenant, TenantPurges.RetentionState state) {
        boolean begun = state.purge() != null && state.purge().startedAt() != null;
        if (state.legalHold() != null && !begun) {
            LegalHold hold = state.legalHold();
            return "Purge blocked by a legal hold: " + hold.reason() + " (" + hold.placedBy() + ", " + Times.exact(hold.placedAt()) + ").";
        }
        if (state.purge() != null) {
            TenantPurges.Progress purge = state.purge();
            if (purge.startedAt() == null) {
                return "Purge scheduled" + (purge.approvedBy() == null ? " (retention window ended)" : ", approved by " + purge.approvedBy())
                        + "; it runs within minutes.";
            }
            return "Purge under way since " + Times.exact(purge.startedAt()) + ": key destroyed, "
                    + purge.rowsDeleted().values().stream().mapToLong(Long::longValue).sum() + " rows deleted so far.";
        }
        return "Purge scheduled for " + Times.exact(tenant.purgeAfter()) + " (end of the retention window).";
    }

    private static Button button(String id, String label, Runnable open) {
        Button button = new Button(label, click -> open.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static Consumer<Change> act(Consumer<Change> action, String done, Runnable changed) {
        return rationale -> {
            try {
                action.accept(rationale);
                Actions.succeeded(done);
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
            changed.run();
        };
    }
}
