package com.iusign.platform.inventory.web;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestPage;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/**
 * {@code GET /api/admin/manifest}: the Global Tenant Manifest, searched, filtered and paged by
 * cursor; {@code GET /api/admin/manifest/export.csv}: the same filter streamed as CSV straight from the
 * database's rows, so that a million rows never sit in memory.
 */
@RestController
class ManifestController {

    private final TenantManifest manifest;

    ManifestController(TenantManifest manifest) {
        this.manifest = manifest;
    }

    @GetMapping("/api/admin/manifest")
    ManifestPage search(@ModelAttribute ManifestFilters filters) {
        return manifest.search(filters.query());
    }

    @GetMapping(path = "/api/admin/manifest/export.csv")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute ManifestFilters filters, Principal caller, HttpServletRequest request,
                                                 @RequestHeader(name = CorrelationIds.HEADER, required = false) @Nullable String correlationId) {
        ManifestQuery all = filters.firstOfAll(ManifestQuery.MAX_SIZE);
        manifest.validate(all);
        manifest.exported(Actor.apiClient(caller.getName()), request.getQueryString() == null ? "" : request.getQueryString(),
                CorrelationIds.of(correlationId));
        StreamingResponseBody body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            writer.write("id,name,slug,plan,subscriptionStatus,status,ownerEmail,customDomain,createdAt,envelopesThisMonth,"
                    + "monthlyEnvelopeLimit,seatsUsed,seatLimit,activeUsers30d,lastActivityAt\r\n");
            try {
                manifest.export(all, entry -> write(writer, entry));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tenant-manifest.csv\"")
                .body(body);
    }

    private static void write(BufferedWriter writer, ManifestEntry entry) {
        StringBuilder line = new StringBuilder(256).append(entry.id()).append(',').append(csv(entry.name())).append(',')
                .append(entry.slug()).append(',').append(entry.plan()).append(',').append(entry.subscriptionStatus()).append(',')
                .append(entry.status()).append(',').append(csv(entry.ownerEmail())).append(',').append(csv(entry.customDomain()))
                .append(',').append(entry.createdAt()).append(',').append(entry.envelopesThisMonth()).append(',')
                .append(entry.monthlyEnvelopeLimit() == null ? "" : entry.monthlyEnvelopeLimit()).append(',').append(entry.seatsUsed())
                .append(',').append(entry.seatLimit() == null ? "" : entry.seatLimit()).append(',').append(entry.activeUsers30d())
                .append(',').append(entry.lastActivityAt() == null ? "" : entry.lastActivityAt()).append("\r\n");
        try {
            writer.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
    static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
