package com.iusign.platform.telemetry.web;

import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.telemetry.ResyncJob;
import com.iusign.platform.telemetry.ResyncJobs;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.UUID;

/** The all-tenant telemetry re-sync: start (or get the running job) and follow its progress. */
@RestController
@RequestMapping("/api/admin/telemetry/resync")
class ResyncJobsController {

    record JobBody(UUID jobId, String status, String startedBy, Instant startedAt, @Nullable Instant finishedAt, long total, long processed,
                   int percent, long correctedTenants, @Nullable String error) {

        static JobBody of(ResyncJob job) {
            return new JobBody(job.id(), job.status(), job.startedBy(), job.startedAt(), job.finishedAt(), job.total(), job.processed(),
                    job.percent(), job.correctedTenants(), job.error());
        }
    }

    private final ResyncJobs jobs;

    ResyncJobsController(ResyncJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobBody start(Principal caller) {
        return JobBody.of(jobs.start(caller.getName()));
    }

    @GetMapping("/{jobId}")
    JobBody progress(@PathVariable UUID jobId) {
        return JobBody.of(jobs.get(jobId).orElseThrow(() -> new NotFound("No re-sync job " + jobId)));
    }
}
