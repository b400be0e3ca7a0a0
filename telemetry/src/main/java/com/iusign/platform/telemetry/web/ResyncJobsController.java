package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.telemetry.ResyncJob;
import com.iusign.platform.telemetry.ResyncJobs;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The all-tenant telemetry re-sync: start (or get the running job) and follow its progress. */
@RestController
@RequestMapping("/api/admin/telemetry/resync")
class ResyncJobsController {

    private final ResyncJobs jobs;

    ResyncJobsController(ResyncJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> start(Principal caller) {
        return json(jobs.start(caller.getName()));
    }

    @GetMapping("/{jobId}")
    Map<String, Object> progress(@PathVariable String jobId) {
        try {
            return json(jobs.get(UUID.fromString(jobId)).orElseThrow(IllegalArgumentException::new));
        } catch (IllegalArgumentException e) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, TenantProblems.notFound("No re-sync job " + jobId), e);
        }
    }

    private static Map<String, Object> json(ResyncJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.id().toString());
        body.put("status", job.status());
        body.put("startedBy", job.startedBy());
        body.put("startedAt", job.startedAt().toString());
        body.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        body.put("total", job.total());
        body.put("processed", job.processed());
        body.put("percent", job.percent());
        body.put("correctedTenants", job.correctedTenants());
        body.put("error", job.error());
        return body;
    }
}
