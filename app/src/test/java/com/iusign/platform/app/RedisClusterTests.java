package com.iusign.platform.app;

import com.iusign.platform.app.faults.RedisProcess;

import com.iusign.platform.Application;
import com.iusign.platform.security.GateMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform on a real 3-primary Redis Cluster (issue 18): three cluster-enabled servers started
 * from the Debian binary on loopback ports and joined by {@code redis-cli --cluster create}, the app
 * configured with {@code spring.data.redis.cluster.nodes} only. The gate subscribes (a PUBLISH
 * reaches every node) and keys spread over the slots of several primaries are written and read
 * through the cluster.
 */
class RedisClusterTests {

    @TempDir
    Path directory;

    @Test
    void theGateAndTheCommandsWorkOnACluster() throws Exception {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Path own = java.nio.file.Files.createDirectories(directory.resolve("node-" + i));
                nodes.add(RedisProcess.clusterNode(own, 2000));
            }
            List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process joining = new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(directory.resolve("create.log").toFile()).start();
            assertThat(joining.waitFor(30, TimeUnit.SECONDS)).as("redis-cli --cluster create finished").isTrue();
            assertThat(joining.exitValue()).as(java.nio.file.Files.readString(directory.resolve("create.log"))).isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().allMatch(node ->
                    node.command(connection -> connection.sync().clusterInfo()).contains("cluster_state:ok")));

            String seeds = String.join(",", nodes.stream().map(node -> "127.0.0.1:" + node.port).toList());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run("--server.port=0",
                    "--spring.datasource.url=", "--iusign.database.admin-url=", "--spring.data.redis.cluster.nodes=" + seeds)) {
                GateMetrics gate = app.getBean(GateMetrics.class);
                await().atMost(Duration.ofSeconds(15)).until(gate::nearCacheLive);
                StringRedisTemplate redis = app.getBean(StringRedisTemplate.class);
                for (int i = 0; i < 30; i++) {
                    redis.opsForValue().set("iusign:cluster-check:" + i, Integer.toString(i));
                }
                long holding = nodes.stream().filter(node -> node.command(connection -> connection.sync().dbsize()) > 0).count();
                assertThat(holding).as("the keys spread over the primaries: a real cluster, not one node").isGreaterThan(1);
                for (int i = 0; i < 30; i++) {
                    assertThat(redis.opsForValue().get("iusign:cluster-check:" + i)).isEqualTo(Integer.toString(i));
                }
                // The subscription is the cluster's, not some other Redis's: with the cluster gone, the gate stops trusting its cache.
                for (RedisProcess node : nodes) {
                    node.kill();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !gate.nearCacheLive());
            }
        } finally {
            for (RedisProcess node : nodes) {
                node.close();
            }
        }
    }
}
