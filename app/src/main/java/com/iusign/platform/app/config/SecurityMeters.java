package com.iusign.platform.app.config;

import com.iusign.platform.security.GateMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access gate's state as Prometheus meters, so that an operator can alert on them:
 * {@code iusign_gate_foreign_invalidations_total} above zero means something other than the
 * platform writes to the gate's Redis channel; {@code iusign_gate_near_cache_live} 0 means the
 * gate reads PostgreSQL on every request. Per request, in PromQL:
 * {@code rate(iusign_gate_rate_limit_shared_calls_total[1m]) / sum(rate(iusign_gate_decisions_total[1m]))} is the
 * rate limiter's Redis calls, {@code rate(iusign_gate_token_cache_hits_total[1m]) / sum(rate(iusign_gate_decisions_total[1m]))}
 * the share of requests served without a signature check.
 */
@Configuration(proxyBeanMethods = false)
class SecurityMeters {

    @Bean
    MeterBinder gateMeters(GateMetrics gate) {
        return registry -> {
            FunctionCounter.builder("iusign.gate.foreign.invalidations", gate, GateMetrics::foreignInvalidations)
                    .description("Gate invalidation messages the platform never sends (someone else writes to Redis)")
                    .register(registry);
            FunctionCounter.builder("iusign.gate.database.reads", gate, GateMetrics::databaseReads)
                    .description("PostgreSQL reads of the access gate").register(registry);
            FunctionCounter.builder("iusign.gate.token.cache.hits", gate, GateMetrics::verifiedTokenHits)
                    .description("Tenant API requests whose token signature was verified earlier (revocation still checked)")
                    .register(registry);
            FunctionCounter.builder("iusign.gate.token.verifications", gate, GateMetrics::tokenVerifications)
                    .description("Full tenant-token verifications: ES256 signature and claims").register(registry);
            FunctionCounter.builder("iusign.gate.rate.limit.shared.calls", gate, GateMetrics::rateLimitSharedBucketCalls)
                    .description("Tenant rate limiter calls to the shared bucket in Redis (one per lease, not per request)")
                    .register(registry);
            for (String outcome : gate.decisions().keySet()) {
                FunctionCounter.builder("iusign.gate.decisions", gate, metrics -> metrics.decisions().getOrDefault(outcome, 0L))
                        .tag("outcome", outcome)
                        .description("Tenant API gate answers by outcome (allowed, each refusal, undecided)").register(registry);
            }
            Gauge.builder("iusign.gate.near.cache.live", gate, metrics -> metrics.nearCacheLive() ? 1 : 0)
                    .description("1 while the gate's near cache is subscribed to invalidations").register(registry);
        };
    }
}
