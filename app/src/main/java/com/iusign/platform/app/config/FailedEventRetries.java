package com.iusign.platform.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Retries the event listeners whose work did not complete, on whichever instance is running.
 * Spring Modulith marks a publication FAILED when its listener threw, and its staleness monitor
 * ({@code spring.modulith.events.staleness.*}) marks FAILED one stuck in PUBLISHED or PROCESSING —
 * a listener whose database went away before it could record even its failure, or whose instance
 * died after the commit. Left alone, such a publication waits for a restart of some instance: the
 * fault harness found a suspension that PostgreSQL's restart kept out of the manifest
 * (docs/reliability.md). Listeners are idempotent (delivery is at least once), so a retry that
 * repeats work, or that two instances race on, changes nothing twice.
 */
@Component
class FailedEventRetries {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRetries.class);

    private final FailedEventPublications failed;
    private final Duration minAge;

    FailedEventRetries(FailedEventPublications failed, @Value("${iusign.events.retry-min-age:PT30S}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(fixedDelayString = "${iusign.events.retry-interval:PT30S}", initialDelayString = "${iusign.events.retry-interval:PT30S}")
    void retry() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(100).withMaxInFlight(100));
        } catch (RuntimeException e) {
            log.warn("Failed event publications could not be resubmitted now ({}); the next attempt follows", e.getMessage());
        }
    }
}
