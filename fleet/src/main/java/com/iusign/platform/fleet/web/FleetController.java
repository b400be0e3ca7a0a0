package com.iusign.platform.fleet.web;

import com.iusign.platform.fleet.FleetAction;
import com.iusign.platform.fleet.FleetJob;
import com.iusign.platform.fleet.FleetJobs;
import com.iusign.platform.fleet.FleetOutcome;
import com.iusign.platform.fleet.FleetSelection;
import com.iusign.platform.fleet.FleetTarget;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.kernel.web.RequestValues;
import com.iusign.platform.telemetry.BlastRadii;
import com.iusign.platform.telemetry.BlastRadius;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Fleet actions over HTTP: preview a selection's summed blast radius, start a job (202), follow its
 * progress and read its per-tenant outcomes. A selection is either {@code tenantIds} or a
 * {@code filter} with the manifest's own parameters.
 */
@RestController
@RequestMapping("/api/admin/fleet")
class FleetController {

    record Filter(@Nullable String q, @Nullable List<String> status, @Nullable List<String> subscription, @Nullable List<String> plan,
                  @Nullable List<String> usage, @Nullable Integer inactiveDays, @Nullable String createdFrom, @Nullable String createdTo) {
    }

    record Selection(@Nullable List<UUID> tenantIds, @Nullable Filter filter) {
    }

    record StartBody(@Nullable String action, @Nullable List<UUID> tenantIds, @Nullable Filter filter, @Nullable Integer confirmCount,
                     @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record PreviewBody(int tenants, String selection, BlastRadius blastRadius) {
    }

    record JobBody(FleetJob job, int processed, int percent, List<FleetOutcome> outcomes) {
    }

    private final FleetJobs jobs;
    private final BlastRadii radii;

    FleetController(FleetJobs jobs, BlastRadii radii) {
        this.jobs = jobs;
        this.radii = radii;
    }

    @PostMapping("/preview")
    PreviewBody preview(@RequestBody Selection body) {
        FleetSelection selection = selection(body.tenantIds(), body.filter());
        List<FleetTarget> targets = jobs.resolve(selection);
        return new PreviewBody(targets.size(), selection.description(), radii.of(targets.stream().map(FleetTarget::tenantId).toList()));
    }

    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobBody start(@RequestBody StartBody body, Change change) {
        FleetAction action = action(body.action());
        FleetJob job = jobs.start(action, selection(body.tenantIds(), body.filter()), change, body.confirmCount());
        return new JobBody(job, job.processed(), job.percent(), List.of());
    }

    @GetMapping("/jobs/{jobId}")
    JobBody progress(@PathVariable UUID jobId, @RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "100") int size) {
        FleetJob job = jobs.get(jobId).orElseThrow(() -> new NotFound("No fleet job " + jobId));
        return new JobBody(job, job.processed(), job.percent(), jobs.outcomes(jobId, from, size));
    }

    private static FleetAction action(@Nullable String value) {
        try {
            return FleetAction.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("action", "action must be SUSPEND, REACTIVATE or FLUSH");
        }
    }

    private static FleetSelection selection(@Nullable List<UUID> tenantIds, @Nullable Filter filter) {
        if ((tenantIds == null || tenantIds.isEmpty()) == (filter == null)) {
            throw InvalidInput.of("tenantIds", "Give either tenantIds or a filter, not both and not neither");
        }
        if (filter == null) {
            return FleetSelection.of(tenantIds.stream().map(TenantId::new).toList());
        }
        ManifestQuery query = new ManifestQuery(filter.q(), set(filter.status()), set(filter.subscription()), set(filter.plan()),
                RequestValues.instant("filter.createdFrom", filter.createdFrom()), RequestValues.instant("filter.createdTo", filter.createdTo()), ManifestSort.NAME,
                ManifestQuery.MAX_SIZE, null, set(filter.usage()), filter.inactiveDays());
        return FleetSelection.matching(query, describe(filter));
    }

    private static String describe(Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            parts.add("q=" + filter.q().strip());
        }
        add(parts, "status", filter.status());
        add(parts, "subscription", filter.subscription());
        add(parts, "plan", filter.plan());
        add(parts, "usage", filter.usage());
        if (filter.inactiveDays() != null) {
            parts.add("inactiveDays=" + filter.inactiveDays());
        }
        if (filter.createdFrom() != null) {
            parts.add("createdFrom=" + filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            parts.add("createdTo=" + filter.createdTo());
        }
        return parts.isEmpty() ? "no filter (every tenant)" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            parts.add(name + "=" + String.join("|", values));
        }
    }

    private static Set<String> set(@Nullable List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

}
