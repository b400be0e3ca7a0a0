package com.iusign.platform.app;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantSuspended;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener whose work failed once is run again by the platform itself, without a restart
 * (FailedEventRetries), and its work is then done exactly once.
 */
@SpringBootTest(properties = {"iusign.events.retry-interval=PT1S", "iusign.events.retry-min-age=PT0S"})
class FailedListenerRetryTests {

    private static final Actor ADMIN = Actor.superAdmin("ops@iusign.test");

    private final TenantLifecycle lifecycle;
    private final FlakyListener listener;

    FailedListenerRetryTests(TenantLifecycle lifecycle, FlakyListener listener) {
        this.lifecycle = lifecycle;
        this.listener = listener;
    }

    @Test
    void aListenerThatFailedIsRetriedUntilItsWorkIsDone() {
        String slug = TestTenants.slug("retry");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Retry " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(ADMIN, "Fixture"));
        lifecycle.suspend(tenant.id(), Change.of(ADMIN, "A listener of this fails once"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.done(tenant.id().value()) > 0);
        assertThat(listener.attempts(tenant.id().value())).as("failed once, then done").isEqualTo(2);
        assertThat(listener.done(tenant.id().value())).as("its work done once").isEqualTo(1);
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    /** Read through methods: the bean is a proxy (the listener is asynchronous and transactional). */
    static class FlakyListener {

        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> done = new ConcurrentHashMap<>();

        int attempts(UUID tenant) {
            return attempts.getOrDefault(tenant, new AtomicInteger()).get();
        }

        int done(UUID tenant) {
            return done.getOrDefault(tenant, new AtomicInteger()).get();
        }

        @ApplicationModuleListener
        void on(TenantSuspended event) {
            UUID tenant = event.tenantId().value();
            if (attempts.computeIfAbsent(tenant, ignored -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("The first attempt fails, as a listener whose database went away would");
            }
            done.computeIfAbsent(tenant, ignored -> new AtomicInteger()).incrementAndGet();
        }
    }
}
