package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.TenantStatus;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;

import java.time.Instant;

/**
 * The manifest grid's columns as Lit templates, not server-side components: a component per
 * cell costs a few kilobytes of state per rendered row and a million-row grid renders a hundred
 * or more, whereas a template ships only the row's values. They look like {@code StatusBadge},
 * {@code Times.relative} and {@code CopyableId}, which the rest of the console uses.
 */
final class ManifestColumns {

    private ManifestColumns() {
    }

    private static String usage(int used, Integer limit) {
        return limit == null ? Integer.toString(used) : String.format("%,d / %,d", used, limit);
    }

    static void addTo(Grid<ManifestEntry> grid) {
        grid.addColumn(LitRenderer.<ManifestEntry>of("""
                        <div class="name-cell"><span>${item.name}</span><span class="secondary-text">${item.slug}</span></div>""")
                .withProperty("name", ManifestEntry::name).withProperty("slug", ManifestEntry::slug))
                .setHeader("Name").setWidth("14rem").setFlexGrow(3).setFrozen(true);
        grid.addColumn(LitRenderer.<ManifestEntry>of("""
                        <span class="status-badge status-${item.status}" title="Operational status: ${item.label}">${item.label}</span>""")
                .withProperty("status", entry -> entry.status().toLowerCase())
                .withProperty("label", entry -> TenantStatus.valueOf(entry.status()).label())).setHeader("Status")
                // Wide enough for the widest badge: an auto width measured on a page of "Active" rows clipped "Suspended".
                .setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(entry -> SubscriptionStatus.valueOf(entry.subscriptionStatus()).label()).setHeader("Subscription").setAutoWidth(true);
        grid.addColumn(ManifestEntry::plan).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(entry -> usage(entry.envelopesThisMonth(), entry.monthlyEnvelopeLimit())).setHeader("Envelopes (month)")
                .setAutoWidth(true);
        grid.addColumn(entry -> usage(entry.seatsUsed(), entry.seatLimit())).setHeader("Seats").setAutoWidth(true);
        grid.addColumn(entry -> entry.lastActivityAt() == null ? "never" : Times.relativeText(entry.lastActivityAt(), Instant.now()))
                .setHeader("Last activity").setAutoWidth(true);
        grid.addColumn(ManifestEntry::ownerEmail).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(LitRenderer.<ManifestEntry>of("<span title=\"${item.exact}\">${item.relative}</span>")
                .withProperty("relative", entry -> Times.relativeText(entry.createdAt(), Instant.now()))
                .withProperty("exact", entry -> Times.exact(entry.createdAt()))).setHeader("Created").setAutoWidth(true);
        // The copy runs in the browser inside the click (clipboard access needs the user's gesture) and must not
        // also open the row; the server only confirms it.
        grid.addColumn(LitRenderer.<ManifestEntry>of("""
                        <span class="copyable-id"><span class="tenant-id" title="${item.id}">${item.id.substring(0, 8)}</span>\
                        <vaadin-button theme="tertiary-inline icon" title="Copy tenant ID" aria-label="Copy tenant ID ${item.id}"
                          @click="${event => { event.stopPropagation(); navigator.clipboard && navigator.clipboard.writeText(item.id); copied(); }}">\
                        <vaadin-icon icon="vaadin:copy-o"></vaadin-icon></vaadin-button></span>""")
                .withProperty("id", entry -> entry.id().toString())
                .withFunction("copied", entry -> Actions.succeeded("Copied tenant ID " + entry.id()))).setHeader("ID").setAutoWidth(true);
    }
}
