package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.util.UUID;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-tenant token bucket: shared through Redis, and still a limit (per instance) when Redis is gone. */
@ApplicationModuleTest(extraIncludes = "lifecycle")
class TenantRateLimiterTests {

    private final TenantRateLimiter limiter;
    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private UUID tenant;

    TenantRateLimiterTests(TenantRateLimiter limiter, TenantLifecycle lifecycle, JdbcClient jdbc, StringRedisTemplate redis) {
        this.limiter = limiter;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.redis = redis;
    }

    @BeforeEach
    void tenantOnAOneRequestPerSecondPlanWithABurstOfThree() {
        String plan = TestTenants.slug("rl");
        jdbc.sql("""
                INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order, api_requests_per_second, api_burst)
                VALUES (:code, 'Rate test', 5, 5, 99, 1, 3)""").param("code", plan).update();
        String slug = TestTenants.slug("rl");
        tenant = lifecycle.provision(new ProvisionTenant("Rate " + slug, slug, plan, "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Rate limit test")).id().value();
    }

    @Test
    void theBurstPassesThenRequestsAreRefusedWithTheWaitUntilTheNextToken() {
        List<TokenBuckets.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(limiter.acquire(tenant));
        }
        assertThat(decisions).extracting(TokenBuckets.Decision::allowed).containsExactly(true, true, true, false);
        assertThat(decisions).extracting(TokenBuckets.Decision::local).containsOnly(false);
        assertThat(decisions.get(2).remaining()).isZero();
        assertThat(decisions.get(3).retryAfterMillis()).isBetween(1L, 1000L);
        assertThat(decisions.get(3).limit()).isEqualTo(1);
    }

    @Test
    void withoutRedisEachInstanceStillLimitsWithTheSameBucket() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
        unreachable.afterPropertiesSet();
        unreachable.start();
        try {
            TenantRateLimiter degraded = new TenantRateLimiter(new TokenBuckets(new StringRedisTemplate(unreachable)), lifecycle);
            List<TokenBuckets.Decision> decisions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                decisions.add(degraded.acquire(tenant));
            }
            assertThat(decisions).extracting(TokenBuckets.Decision::local).containsOnly(true);
            assertThat(decisions).extracting(TokenBuckets.Decision::allowed).containsExactly(true, true, true, false);
        } finally {
            unreachable.destroy();
        }
    }

    @Test
    void aLargePlanAsksTheSharedBucketAboutOncePerHundredRequests() {
        UUID enterprise = tenantOn(500, 1000);
        assertThat(TenantRateLimiter.leaseSize(500, 1000)).isEqualTo(100);
        long callsBefore = limiter.sharedBucketCalls();

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.acquire(enterprise).allowed()).as("request %d within the burst", i).isTrue();
        }

        assertThat(limiter.sharedBucketCalls() - callsBefore).isLessThanOrEqualTo(10);
    }

    @Test
    void aRefusalIsRememberedUntilTheNextTokenSoAFloodDoesNotReachRedisPerRequest() {
        UUID small = tenantOn(1, 1);
        assertThat(limiter.acquire(small).allowed()).isTrue();
        long callsBefore = limiter.sharedBucketCalls();

        for (int i = 0; i < 500; i++) {
            assertThat(limiter.acquire(small).allowed()).isFalse();
        }

        assertThat(limiter.sharedBucketCalls() - callsBefore).as("one call learns the wait; the rest are answered here").isLessThanOrEqualTo(2);
    }

    @Test
    void threeInstancesTogetherStayWithinTheBucketPlusOneLeaseEach() {
        int perSecond = 500;
        int burst = 1000;
        UUID shared = tenantOn(perSecond, burst);
        List<TenantRateLimiter> instances = List.of(new TenantRateLimiter(new TokenBuckets(redis), lifecycle),
                new TenantRateLimiter(new TokenBuckets(redis), lifecycle), new TenantRateLimiter(new TokenBuckets(redis), lifecycle));
        int lease = TenantRateLimiter.leaseSize(perSecond, burst);

        long started = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < 6_000; i++) {
            if (instances.get(i % instances.size()).acquire(shared).allowed()) {
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(allowed).as("within %.3f s", seconds)
                .isLessThanOrEqualTo((int) Math.ceil(burst + perSecond * seconds) + instances.size() * lease)
                .isGreaterThanOrEqualTo(burst - instances.size() * lease);
    }

    @Test
    void remainingOnOneInstanceIsNeverAboveTheBucketAndBelowItAtMostByTheRefillSinceTheLease() {
        int perSecond = 500;
        int burst = 1000;
        UUID tenant = tenantOn(perSecond, burst);
        long started = System.nanoTime();

        for (int k = 1; k <= 900; k++) {
            TokenBuckets.Decision decision = limiter.acquire(tenant);
            double refill = perSecond * (System.nanoTime() - started) / 1e9;
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).as("after %d requests", k)
                    .isGreaterThanOrEqualTo(burst - k)
                    .isLessThanOrEqualTo((int) Math.min(burst, Math.ceil(burst - k + refill)));
        }
    }

    private UUID tenantOn(int perSecond, int burst) {
        String plan = TestTenants.slug("rl");
        jdbc.sql("""
                INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order, api_requests_per_second, api_burst)
                VALUES (:code, 'Rate test', 5, 5, 99, :rate, :burst)""").param("code", plan).param("rate", perSecond).param("burst", burst)
                .update();
        return TestTenants.provision(lifecycle, plan, "rl").id().value();
    }
}
