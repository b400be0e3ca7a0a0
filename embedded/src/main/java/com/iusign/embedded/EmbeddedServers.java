package com.iusign.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL and Redis of one application context. Closed after the context's
 * DataSource and Redis connection factory (see {@link EmbeddedServersInitializer}), never by a
 * JVM shutdown hook of its own: Zonky's hook would kill PostgreSQL while Spring still flushes the
 * event publication registry.
 */
final class EmbeddedServers implements AutoCloseable {

    private final Log log;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private int redisPort;

    EmbeddedServers(Log log, Path dataDirectory, boolean ephemeral) {
        this.log = log;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    EmbeddedPostgres startPostgres() {
        Path directory = dataDirectory.resolve("postgres");
        try {
            Files.createDirectories(directory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(freeLoopbackPort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .start();
            return postgres;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    int startRedis() {
        Path directory = dataDirectory.resolve("redis");
        try {
            Files.createDirectories(directory);
            redisPort = freeLoopbackPort();
            redis = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("dir " + directory.toAbsolutePath())
                    // Redis holds only the fast path (caches, deny-lists rebuilt from PostgreSQL): nothing to persist.
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
            return redisPort;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the embedded Redis: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException | RuntimeException e) {
                log.warn("Embedded Redis did not stop cleanly: " + e.getMessage());
            }
            redis = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        if (ephemeral) {
            deleteRecursively(dataDirectory);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the ephemeral data directory " + directory + ": " + e.getMessage());
        }
    }
}
