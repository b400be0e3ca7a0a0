package com.iusign.platform.app;

import com.iusign.platform.app.faults.RedisProcess;

import com.iusign.platform.Application;
import com.iusign.platform.security.GateMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform on a real Redis Sentinel set (issue 18, first step): a primary, a replica and a
 * sentinel started from the Debian binary on loopback ports, the app configured with Spring's
 * standard {@code spring.data.redis.sentinel.*} settings only. The gate's subscription and the
 * platform's Redis commands reach the primary the sentinel names; when the primary is killed
 * (SIGKILL) and the sentinel promotes the replica, the gate stops trusting its near cache, follows
 * the sentinel to the new primary and trusts it again, and commands work there.
 */
class RedisSentinelTests {

    private static final String MASTER = "iusign";

    @TempDir
    Path directory;

    @Test
    void theGateAndTheCommandsFollowASentinelFailover() throws Exception {
        try (RedisProcess primary = RedisProcess.server(directory);
             RedisProcess replica = RedisProcess.server(directory);
             RedisProcess sentinel = RedisProcess.sentinel(directory, MASTER, primary.port)) {
            replica.command(connection -> connection.sync().replicaof("127.0.0.1", primary.port));
            RedisClient sentinels = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(sentinel.port).build());
            try (var watch = sentinels.connectSentinel()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !watch.sync().replicas(MASTER).isEmpty());
                try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run("--server.port=0",
                        "--spring.datasource.url=", "--iusign.database.admin-url=",
                        "--spring.data.redis.sentinel.master=" + MASTER, "--spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinel.port)) {
                    GateMetrics gate = app.getBean(GateMetrics.class);
                    StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
                    await().atMost(Duration.ofSeconds(10)).until(gate::nearCacheLive);
                    redis.opsForValue().set("iusign:sentinel-check", "before");
                    String onPrimary = primary.command(connection -> connection.sync().get("iusign:sentinel-check"));
                    assertThat(onPrimary).as("written to the primary").isEqualTo("before");

                    primary.kill();
                    await().atMost(Duration.ofSeconds(10)).until(() -> !gate.nearCacheLive());
                    await().atMost(Duration.ofSeconds(30)).until(() -> ((InetSocketAddress) watch.sync().getMasterAddrByName(MASTER)).getPort() == replica.port);
                    await("the gate trusts its near cache again, subscribed to the promoted replica").atMost(Duration.ofSeconds(30))
                            .until(gate::nearCacheLive);
                    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                        redis.opsForValue().set("iusign:sentinel-check", "after");
                        String onPromoted = replica.command(connection -> connection.sync().get("iusign:sentinel-check"));
                        assertThat(onPromoted).isEqualTo("after");
                    });
                }
            } finally {
                sentinels.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        }
    }
}
