package com.iusign.platform.inventory.web;

import com.iusign.platform.inventory.ManifestPage;
import com.iusign.platform.inventory.ManifestCsv;
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
            writer.write(ManifestCsv.HEADER);
            try {
                manifest.export(all, entry -> ManifestCsv.write(writer, entry));
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
}
