package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.audit.AuditGrid;
import com.iusign.platform.audit.AuditExport;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.TenantId;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadEvent;

import java.io.OutputStream;
import java.util.UUID;

/** The tenant's Audit tab: its trail, newest first, and the export as JSON Lines with a signed manifest, verifiable offline (docs/security.md). */
class TenantAuditPanel extends Div {

    TenantAuditPanel(TenantId tenant, AuditTrail trail, AuditExport export, String admin) {
        UUID tenantId = tenant.value();
        Anchor link = new Anchor((DownloadEvent event) -> {
            event.setFileName("audit-" + tenantId + ".jsonl");
            event.setContentType("application/x-ndjson");
            try (OutputStream out = event.getOutputStream()) {
                export.write(new AuditExport.Range(tenantId, null, null), Actor.superAdmin(admin), out);
            }
        }, "Export the trail (JSON Lines, signed manifest)");
        link.setId("audit-export");
        link.getElement().setAttribute("download", true);
        AuditGrid audit = new AuditGrid(trail, false);
        audit.show(before -> new AuditQuery(tenantId, null, null, before, 50));
        add(link, audit);
    }
}
