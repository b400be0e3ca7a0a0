package com.iusign.platform.app.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis failovers under load, on the topologies production runs, with the platform configured by
 * Spring's standard settings only: a Sentinel set whose primary is killed (the sentinel promotes
 * the replica), and a Cluster of three primaries with a replica each whose one primary is killed
 * (the cluster promotes its replica). A tenant is suspended in the middle of each failover; every
 * key the platform uses, the rate limiter's script among them, is in use all along.
 */
class RedisFailoverTests {

    @Test
    void aSentinelFailoverUnderLoad() throws Exception {
        try (FaultCluster cluster = FaultCluster.start("sentinel", FaultRun.INSTANCES, HarnessRedis::sentinel)) {
            HarnessRedis.Sentinel sentinel = (HarnessRedis.Sentinel) cluster.redis;
            failOver(cluster, "A Redis Sentinel failover (the primary killed with SIGKILL)",
                    "Primary, replica and one sentinel (down after 1 s, quorum 1); instances on spring.data.redis.sentinel.*.",
                    sentinel.primary::kill, () -> sentinel.primaryPort() == sentinel.replica.port);
        }
    }

    @Test
    void aClusterPrimaryKilledUnderLoad() throws Exception {
        try (FaultCluster cluster = FaultCluster.start("cluster", FaultRun.INSTANCES, HarnessRedis::cluster)) {
            HarnessRedis.Cluster redis = (HarnessRedis.Cluster) cluster.redis;
            List<RedisProcess> primaries = redis.primaries();
            assertThat(primaries).hasSize(3);
            RedisProcess doomed = primaries.getFirst();
            RedisProcess survivor = primaries.getLast();
            failOver(cluster, "A Redis Cluster failover (one of three primaries killed with SIGKILL)",
                    "Three primaries with a replica each (node timeout 2 s); instances on spring.data.redis.cluster.nodes.",
                    doomed::kill, () -> survivor.command(connection -> connection.sync().clusterInfo()).contains("cluster_state:ok")
                            && redis.primaries().size() == 3);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static void failOver(FaultCluster cluster, String fault, String notes, Step kill, java.util.concurrent.Callable<Boolean> promoted)
            throws Exception {
        List<GateLoad.Tenant> tenants = new ArrayList<>();
        for (int index = 0; index < 6; index++) {
            tenants.add(cluster.tenant(cluster.instance(0)));
        }
        GateLoad.Tenant victim = tenants.get(1);
        var admin = cluster.admin(cluster.instance(cluster.instances().size() - 1));
        double sharedCallsBefore = cluster.instances().stream().mapToDouble(instance -> instance.metric("iusign_gate_rate_limit_shared_calls_total")).sum();
        try (GateLoad load = new GateLoad(cluster::liveUrls, tenants, FaultRun.RATE, FaultRun.WORKERS)) {
            load.start();
            long start = System.nanoTime();
            FaultRun.hold();
            long faultAt = System.nanoTime();
            kill.run();
            FaultRun.suspend(admin, victim, "Suspended during a Redis failover");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(promoted);
            long promotedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cluster.instances().stream().allMatch(PlatformProcess::nearCacheLive));
            long live = System.nanoTime();
            FaultRun.hold();
            long end = System.nanoTime();
            load.close();

            List<GateLoad.Answer> answers = load.answers();
            List<LoadSummary> windows = List.of(LoadSummary.of("before", answers, start, faultAt),
                    LoadSummary.of("primary killed, until promoted (" + FaultRun.millis(promotedAt - faultAt) + " ms)", answers, faultAt, promotedAt),
                    LoadSummary.of("promoted, until every near cache is live (" + FaultRun.millis(live - promotedAt) + " ms)", answers, promotedAt, live),
                    LoadSummary.of("after", answers, live, end));
            FaultRun.judge(fault, notes, windows, admin, victim);
        }
        double sharedCalls = cluster.instances().stream().mapToDouble(instance -> instance.metric("iusign_gate_rate_limit_shared_calls_total")).sum();
        assertThat(sharedCalls).as("the rate limiter's script ran on this Redis under the load").isGreaterThan(sharedCallsBefore);
    }
}
