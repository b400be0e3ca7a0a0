package com.iusign.platform.app.faults;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * A Redis server or sentinel this test starts from the Debian {@code redis-server} binary on a free
 * loopback port, with its own directory, never the machine's shared Redis; {@link #kill()} ends
 * this process only (SIGKILL, as a crash would).
 */
public final class RedisProcess implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";

    public final int port;
    private final Process process;

    private RedisProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static RedisProcess server(Path directory, String... extra) throws IOException {
        return server(directory, freePort(), extra);
    }

    /** A server on a given port: a Redis restarted after a crash answers at the same address. */
    public static RedisProcess server(Path directory, int port, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString()));
        command.addAll(List.of(extra));
        return started(port, command, directory.resolve("redis-" + port + ".log"));
    }

    /**
     * A cluster-enabled server. Its port is drawn below the kernel's ephemeral range and with the
     * port 10,000 above it free as well, since Redis listens there for the cluster bus and refuses
     * to start on a port above 55535: one free port in five from the ephemeral range was above it,
     * and such a node never answered.
     */
    public static RedisProcess clusterNode(Path directory, int nodeTimeoutMillis) throws IOException {
        int port = clusterPort();
        return server(directory, port, "--cluster-enabled", "yes", "--cluster-config-file", directory.resolve("nodes.conf").toString(),
                "--cluster-node-timeout", Integer.toString(nodeTimeoutMillis));
    }

    /** A sentinel watching {@code master} under the name {@code name}: it says it is down after 1 s, a quorum of one fails it over. */
    public static RedisProcess sentinel(Path directory, String name, int master) throws IOException {
        int port = freePort();
        Path config = directory.resolve("sentinel-" + port + ".conf");
        Files.writeString(config, """
                port %d
                bind 127.0.0.1
                dir %s
                sentinel monitor %s 127.0.0.1 %d 1
                sentinel down-after-milliseconds %s 1000
                sentinel failover-timeout %s 5000
                """.formatted(port, directory, name, master, name, name));
        return started(port, List.of(BINARY, config.toString(), "--sentinel"), directory.resolve("sentinel-" + port + ".log"));
    }

    private static RedisProcess started(int port, List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RedisProcess redis = new RedisProcess(port, process);
        try {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .failFast("redis-server exited", () -> !process.isAlive())
                    .until(() -> "PONG".equals(redis.command(connection -> connection.sync().ping())));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Redis on port " + port + " did not answer; its log:\n" + Files.readString(log), e);
        }
        return redis;
    }

    public <T> T command(java.util.function.Function<StatefulRedisConnection<String, String>, T> call) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(1)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return call.apply(connection);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int clusterPort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20_000, 30_000);
            if (free(port) && free(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair (p, p + 10000) between 20000 and 40000 after 100 draws");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
