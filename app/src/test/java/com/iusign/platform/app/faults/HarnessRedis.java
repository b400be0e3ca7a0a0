package com.iusign.platform.app.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The Redis a fault cluster's instances use, in one of the topologies production runs: one server
 * (each instance reaching it through a {@link TcpProxy} of its own), a Sentinel set (primary,
 * replica, sentinel) or a Cluster (three primaries with a replica each). Every server is started
 * from Debian's {@code redis-server} on a free loopback port and killed with SIGKILL, never the
 * machine's shared Redis.
 */
abstract sealed class HarnessRedis implements AutoCloseable {

    /** The Spring settings that point instance {@code index} at this Redis. */
    abstract List<String> settings(int index) throws IOException;

    static Standalone standalone(Path directory) throws IOException {
        return new Standalone(Files.createDirectories(directory));
    }

    static Sentinel sentinel(Path directory) throws IOException {
        return new Sentinel(Files.createDirectories(directory));
    }

    static Cluster cluster(Path directory) throws IOException, InterruptedException {
        return new Cluster(Files.createDirectories(directory));
    }

    /** One server; each instance's own network path to it can be cut or blackholed. */
    static final class Standalone extends HarnessRedis {
        private final Path directory;
        private final int port;
        private RedisProcess server;
        private final List<TcpProxy> paths = new CopyOnWriteArrayList<>();

        private Standalone(Path directory) throws IOException {
            this.directory = directory;
            this.port = FaultCluster.freePort();
            this.server = RedisProcess.server(directory, port);
        }

        @Override
        synchronized List<String> settings(int index) throws IOException {
            while (paths.size() <= index) {
                paths.add(new TcpProxy("127.0.0.1", port));
            }
            return List.of("--spring.data.redis.url=redis://127.0.0.1:" + paths.get(index).port());
        }

        TcpProxy path(int index) {
            return paths.get(index);
        }

        List<TcpProxy> paths() {
            return paths;
        }

        void kill() throws InterruptedException {
            server.kill();
        }

        /** A new, empty server on the same port. */
        void start() throws IOException {
            server = RedisProcess.server(directory, port);
        }

        @Override
        public void close() throws Exception {
            for (TcpProxy path : paths) {
                path.close();
            }
            server.close();
        }
    }

    /** A primary, its replica and one sentinel (quorum 1, down after 1 s): killing the primary promotes the replica. */
    static final class Sentinel extends HarnessRedis {
        static final String MASTER = "iusign";
        final RedisProcess primary;
        final RedisProcess replica;
        final RedisProcess sentinel;

        private Sentinel(Path directory) throws IOException {
            primary = RedisProcess.server(directory);
            replica = RedisProcess.server(directory);
            replica.command(connection -> connection.sync().replicaof("127.0.0.1", primary.port));
            sentinel = RedisProcess.sentinel(directory, MASTER, primary.port);
        }

        @Override
        List<String> settings(int index) {
            return List.of("--spring.data.redis.sentinel.master=" + MASTER, "--spring.data.redis.sentinel.nodes=127.0.0.1:" + sentinel.port);
        }

        /** The port of the server the sentinel names as primary now. */
        int primaryPort() {
            io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(io.lettuce.core.RedisURI.builder()
                    .withHost("127.0.0.1").withPort(sentinel.port).withTimeout(Duration.ofSeconds(1)).build());
            try (var connection = client.connectSentinel()) {
                return ((java.net.InetSocketAddress) connection.sync().getMasterAddrByName(MASTER)).getPort();
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        }

        @Override
        public void close() throws Exception {
            sentinel.close();
            replica.close();
            primary.close();
        }
    }

    /** Three primaries with a replica each, joined by {@code redis-cli --cluster create}; a node is failed after 2 s. */
    static final class Cluster extends HarnessRedis {
        final List<RedisProcess> nodes = new ArrayList<>();

        private Cluster(Path directory) throws IOException, InterruptedException {
            for (int index = 0; index < 6; index++) {
                Path own = Files.createDirectories(directory.resolve("node-" + index));
                nodes.add(RedisProcess.clusterNode(own, 2000));
            }
            List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            Path log = directory.resolve("create.log");
            Process joining = new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!joining.waitFor(60, TimeUnit.SECONDS) || joining.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(log));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> nodes.stream().allMatch(node ->
                    node.command(connection -> connection.sync().clusterInfo()).contains("cluster_state:ok")));
        }

        @Override
        List<String> settings(int index) {
            return List.of("--spring.data.redis.cluster.nodes=" + String.join(",", nodes.stream().map(node -> "127.0.0.1:" + node.port).toList()));
        }

        /** The nodes that are primaries now, as the first live node sees the cluster. */
        List<RedisProcess> primaries() {
            return nodes.stream().filter(node -> {
                try {
                    return node.command(connection -> connection.sync().info("replication")).contains("role:master");
                } catch (RuntimeException e) {
                    return false;
                }
            }).toList();
        }

        @Override
        public void close() throws Exception {
            for (RedisProcess node : nodes) {
                node.close();
            }
        }
    }
}
