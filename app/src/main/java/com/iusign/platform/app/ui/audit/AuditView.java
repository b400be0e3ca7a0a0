package com.iusign.platform.app.ui.audit;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.audit.AuditExport;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * The platform-wide audit trail, newest first, filtered by tenant (found by name, slug or id),
 * actor, action (every action the trail holds) and UTC date range, with tenants named and linked;
 * the trail of the chosen tenant and range exports as JSON Lines with a signed manifest; and it says
 * whether the hash chain holds.
 */
@Route("audit")
@PageTitle("Audit")
@Menu(order = 2, title = "Audit", icon = "vaadin:clipboard-text")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class AuditView extends Main {

    private final ComboBox<ManifestEntry> tenant = new ComboBox<>("Tenant");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final TextField actor = new TextField("Actor");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");

    AuditView(AuditTrail trail, TenantManifest manifest, AuditExport export, AuthenticationContext authentication) {
        addClassName("console-view");
        tenant.setId("audit-tenant");
        tenant.setClearButtonVisible(true);
        tenant.setPlaceholder("Name, slug or tenant ID");
        tenant.setItemLabelGenerator(entry -> entry.name() + " (" + entry.slug() + ")");
        // The manifest's own search, first page only: a name typed far enough finds the tenant among a million.
        tenant.setItems(query -> query.getOffset() > 0 ? java.util.stream.Stream.empty()
                : manifest.search(new ManifestQuery(query.getFilter().orElse(""), Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME,
                Math.min(query.getLimit(), 50), null)).items().stream());
        action.setItems(trail.actions());
        action.setClearButtonVisible(true);
        action.setId("audit-action");
        actor.setPlaceholder("e-mail or API client id");
        actor.setClearButtonVisible(true);
        actor.setId("audit-actor");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        // Dates as the trail and its export write them (ISO, UTC), whatever the browser's locale.
        DatePicker.DatePickerI18n iso = new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd");
        from.setI18n(iso);
        to.setI18n(iso);
        AuditGrid grid = new AuditGrid(trail, true, manifest::names);
        Runnable refresh = () -> {
            if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
                to.setInvalid(true);
                to.setErrorMessage("The end of the range is before its start");
                return;
            }
            to.setInvalid(false);
            grid.show(before -> new AuditQuery(tenantId(), action.getValue(), actor.getValue(), before, 50, start(), end()));
        };
        tenant.addValueChangeListener(event -> refresh.run());
        action.addValueChangeListener(event -> refresh.run());
        actor.addValueChangeListener(event -> refresh.run());
        from.addValueChangeListener(event -> refresh.run());
        to.addValueChangeListener(event -> refresh.run());
        Button verify = new Button("Verify chain", click -> {
            Long broken = trail.firstBrokenLink();
            if (broken == null) {
                Actions.succeeded("The audit trail's chain is intact: every entry was written by the platform, none altered or removed");
            } else {
                Actions.refused("Entry #" + broken + " is the first that the platform did not write as it stands: it was altered,"
                        + " inserted or moved outside the platform. Entries before it are intact.");
            }
        });
        String admin = authentication.getPrincipalName().orElseThrow();
        Anchor download = new Anchor((DownloadEvent event) -> {
            UUID tenantId = tenantId();
            event.setFileName("audit-" + (tenantId == null ? "platform" : tenantId) + ".jsonl");
            event.setContentType("application/x-ndjson");
            try (OutputStream out = event.getOutputStream()) {
                export.write(new AuditExport.Range(tenantId, start(), end()), Actor.superAdmin(admin), out);
            }
        }, "Export (tenant and dates as filtered; JSON Lines, signed manifest)");
        download.setId("audit-export-filtered");
        download.getElement().setAttribute("download", true);
        FlexLayout filters = new FlexLayout(tenant, action, actor, from, to, verify, download);
        filters.addClassName("audit-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(filters, grid);
        refresh.run();
    }

    private @Nullable UUID tenantId() {
        return tenant.getValue() == null ? null : tenant.getValue().id();
    }

    private @Nullable Instant start() {
        return from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of the day picked as "to", so a one-day range holds that whole day. */
    private @Nullable Instant end() {
        LocalDate day = to.getValue();
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
