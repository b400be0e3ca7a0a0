package com.iusign.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
 * The embedded PostgreSQL, Redis and SMTP server of one application context. Closed after the context's
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
    private EmbeddedMailbox mailbox;

    EmbeddedServers(Log log, Path dataDirectory, boolean ephemeral) {
        this.log = log;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Starts PostgreSQL and makes it ask every connection for a password: initdb leaves it trusting
     * every local user, so the superuser gets its password and {@code pg_hba.conf} switches to
     * SCRAM before the platform connects (on a data directory of an older version too).
     */
    EmbeddedPostgres startPostgres(String superuserPassword) {
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
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // Zonky turns it off for throw-away test databases; here a committed suspension or audit entry must
                    // survive a crash, and VACUUM can mark a page all-visible only once its rows' commits are flushed.
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", superuserPassword)
                    .start();
            requirePasswords(directory, superuserPassword);
            return postgres;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void requirePasswords(Path directory, String superuserPassword) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
            sql.execute("ALTER ROLE postgres PASSWORD '" + superuserPassword.replace("'", "''") + "'");
            Files.writeString(directory.resolve("pg_hba.conf"), """
                    # Written by the platform: every connection needs a password (see credentials.properties).
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
            sql.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not require passwords of the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    int startRedis(String password) {
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
                    .setting("requirepass " + password)
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
            return redisPort;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the embedded Redis: " + e.getMessage(), e);
        }
    }

    /**
     * Starts an SMTP server that keeps every message in memory for the console's outbox. It relays
     * nothing and listens on loopback only, so it takes any sender without authentication.
     */
    EmbeddedMailbox startMail() {
        try {
            GreenMail server = new GreenMail(new ServerSetup(freeLoopbackPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            mailbox = new EmbeddedMailbox(server);
            return mailbox;
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("Could not start the embedded SMTP server: " + e.getMessage(), e);
        }
    }

    EmbeddedMailbox mailbox() {
        return mailbox;
    }

    @Override
    public synchronized void close() {
        if (mailbox != null) {
            mailbox.stop();
            mailbox = null;
        }
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
