package com.iusign.platform.security.internal;

import com.iusign.platform.security.PasswordChecksBusy;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The password-hashing bulkhead never runs more checks at once than it has permits, and a check that cannot start in time says so. */
class BoundedPasswordEncoderTests {

    @Test
    void noMoreChecksRunAtOnceThanThePermitsAndAWaitingCheckGivesUpWithBusy() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    running.decrementAndGet();
                }
            }
        };
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofMillis(200));
        ExecutorService checks = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = checks.submit(() -> bounded.matches("a", "a"));
            Future<Boolean> second = checks.submit(() -> bounded.matches("b", "b"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);

            assertThatExceptionOfType(PasswordChecksBusy.class).isThrownBy(() -> bounded.matches("c", "c"));

            release.countDown();
            assertThat(first.get()).isTrue();
            assertThat(second.get()).isTrue();
            assertThat(most).hasValue(2);
            assertThat(bounded.matches("d", "d")).as("a free slot is used again").isTrue();
        } finally {
            checks.shutdownNow();
        }
    }
}
