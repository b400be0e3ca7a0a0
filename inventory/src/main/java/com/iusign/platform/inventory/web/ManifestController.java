package com.iusign.platform.inventory.web;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestPage;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestQueryException;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.lifecycle.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestHeader;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/admin/manifest}: the Global Tenant Manifest, searched, filtered and paged by
 * cursor; {@code GET /api/admin/manifest/export.csv}: the same filter streamed as CSV, a page at a
 * time, so that a million rows never sit in memory.
 */
@RestController
class ManifestController {

    private static final int EXPORT_PAGE = ManifestQuery.MAX_SIZE;

    private final TenantManifest manifest;

    ManifestController(TenantManifest manifest) {
        this.manifest = manifest;
    }

    @GetMapping("/api/admin/manifest")
    ManifestPage search(@RequestParam(required = false) @Nullable String q,
                        @RequestParam(required = false) @Nullable List<String> status,
                        @RequestParam(required = false) @Nullable List<String> subscription,
                        @RequestParam(required = false) @Nullable List<String> plan,
                        @RequestParam(required = false) @Nullable String createdFrom,
                        @RequestParam(required = false) @Nullable String createdTo,
                        @RequestParam(required = false, defaultValue = "name") String sort,
                        @RequestParam(required = false, defaultValue = "50") String size,
                        @RequestParam(required = false) @Nullable String cursor,
                        @RequestParam(required = false) @Nullable List<String> usage,
                        @RequestParam(required = false) @Nullable String inactiveDays) {
        return manifest.search(query(q, status, subscription, plan, createdFrom, createdTo, sort, size(size), cursor, usage, inactiveDays));
    }

    @GetMapping(path = "/api/admin/manifest/export.csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Nullable String q,
                                                 @RequestParam(required = false) @Nullable List<String> status,
                                                 @RequestParam(required = false) @Nullable List<String> subscription,
                                                 @RequestParam(required = false) @Nullable List<String> plan,
                                                 @RequestParam(required = false) @Nullable String createdFrom,
                                                 @RequestParam(required = false) @Nullable String createdTo,
                                                 @RequestParam(required = false, defaultValue = "name") String sort,
                                                 @RequestParam(required = false) @Nullable List<String> usage,
                                                 @RequestParam(required = false) @Nullable String inactiveDays,
                                                 Principal caller, HttpServletRequest request,
                                                 @RequestHeader(name = "X-Correlation-Id", required = false) @Nullable String correlationId) {
        ManifestQuery first = query(q, status, subscription, plan, createdFrom, createdTo, sort, EXPORT_PAGE, null, usage, inactiveDays);
        ManifestPage firstPage = manifest.search(first);
        manifest.exported(Actor.apiClient(caller.getName()), request.getQueryString() == null ? "" : request.getQueryString(),
                correlationId == null || correlationId.isBlank() ? java.util.UUID.randomUUID().toString() : correlationId);
        StreamingResponseBody body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write("id,name,slug,plan,subscriptionStatus,status,ownerEmail,customDomain,createdAt,envelopesThisMonth,"
                    + "monthlyEnvelopeLimit,seatsUsed,seatLimit,activeUsers30d,lastActivityAt\r\n");
            ManifestPage page = firstPage;
            while (true) {
                for (ManifestEntry entry : page.items()) {
                    writer.write(String.join(",", entry.id().toString(), csv(entry.name()), entry.slug(), entry.plan(),
                            entry.subscriptionStatus(), entry.status(), csv(entry.ownerEmail()), csv(entry.customDomain()),
                            entry.createdAt().toString(), Integer.toString(entry.envelopesThisMonth()),
                            String.valueOf(entry.monthlyEnvelopeLimit() == null ? "" : entry.monthlyEnvelopeLimit()),
                            Integer.toString(entry.seatsUsed()), String.valueOf(entry.seatLimit() == null ? "" : entry.seatLimit()),
                            Integer.toString(entry.activeUsers30d()), entry.lastActivityAt() == null ? "" : entry.lastActivityAt().toString()));
                    writer.write("\r\n");
                }
                writer.flush();
                if (page.nextCursor() == null) {
                    return;
                }
                page = manifest.search(first.next(page.nextCursor()));
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tenant-manifest.csv\"")
                .body(body);
    }

    @ExceptionHandler
    ProblemDetail invalid(ManifestQueryException e) {
        return TenantProblems.validation(Map.of(e.parameter(), e.getMessage()), e.getMessage());
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
    static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static ManifestQuery query(@Nullable String q, @Nullable List<String> status, @Nullable List<String> subscription,
                                       @Nullable List<String> plan, @Nullable String createdFrom, @Nullable String createdTo,
                                       String sort, int size, @Nullable String cursor, @Nullable List<String> usage,
                                       @Nullable String inactiveDays) {
        ManifestSort order;
        try {
            order = ManifestSort.fromParameter(sort);
        } catch (IllegalArgumentException e) {
            throw new ManifestQueryException("sort", e.getMessage());
        }
        return new ManifestQuery(q, set(status), set(subscription), set(plan), instant("createdFrom", createdFrom),
                instant("createdTo", createdTo), order, size, cursor == null || cursor.isBlank() ? null : cursor, set(usage),
                days(inactiveDays));
    }

    private static @Nullable Integer days(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ManifestQueryException("inactiveDays", "inactiveDays must be a whole number of days from 1 to 3650");
        }
    }

    private static Set<String> set(@Nullable List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ManifestQueryException(parameter, parameter + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static int size(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ManifestQueryException("size", "size must be a whole number from 1 to " + ManifestQuery.MAX_SIZE);
        }
    }
}
