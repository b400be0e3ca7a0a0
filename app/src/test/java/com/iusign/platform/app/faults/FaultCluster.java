package com.iusign.platform.app.faults;

import com.iusign.platform.app.AdminApiClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a fault case runs against: one PostgreSQL and a Redis ({@link HarnessRedis}: one server,
 * Sentinel or Cluster) owned by the harness (own ports and directories under
 * {@code target/faults/}, never the machine's shared servers), a {@link TcpProxy} in front of
 * PostgreSQL that a case can cut or blackhole, and N platform instances as separate JVM processes
 * that share the master key and a bootstrap API client.
 */
final class FaultCluster implements AutoCloseable {

    static final String API_CLIENT = "faults-harness";

    final Path directory;
    final HarnessPostgres postgres;
    final TcpProxy postgresProxy;
    final HarnessRedis redis;
    private final String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
    private final String apiSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
    private final List<PlatformProcess> instances = new CopyOnWriteArrayList<>();

    interface RedisFactory {
        HarnessRedis start(Path directory) throws IOException, InterruptedException;
    }

    private FaultCluster(Path directory, HarnessRedis redis) throws IOException {
        this.directory = directory;
        this.redis = redis;
        this.postgres = new HarnessPostgres(directory.resolve("postgres"), freePort());
        this.postgresProxy = new TcpProxy("127.0.0.1", postgres.port());
    }

    /** Servers with one Redis server, and {@code count} instances. */
    static FaultCluster start(String name, int count) throws IOException, InterruptedException {
        return start(name, count, HarnessRedis::standalone);
    }

    /** Starts the servers and {@code count} instances, one after the other (the first creates the database and migrates it). */
    static FaultCluster start(String name, int count, RedisFactory redis) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(Path.of("target", "faults", name + "-" + Instant.now().toEpochMilli()).toAbsolutePath());
        HarnessRedis started = redis.start(directory.resolve("redis"));
        FaultCluster cluster;
        try {
            cluster = new FaultCluster(directory, started);
        } catch (IOException | RuntimeException e) {
            quietly(started);
            throw e;
        }
        try {
            for (int index = 0; index < count; index++) {
                cluster.instances.add(cluster.launch(index, freePort()));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The one Redis server of a cluster started with the standalone topology. */
    HarnessRedis.Standalone standaloneRedis() {
        return (HarnessRedis.Standalone) redis;
    }

    List<PlatformProcess> instances() {
        return instances;
    }

    PlatformProcess instance(int index) {
        return instances.get(index);
    }

    /** The base URLs of the instances a load balancer would send traffic to (ready, not stopped): the load's rotation. */
    List<String> liveUrls() {
        List<String> urls = new ArrayList<>();
        for (PlatformProcess instance : instances) {
            if (instance.inRotation()) {
                urls.add(instance.baseUrl());
            }
        }
        return urls;
    }

    /** Starts instance {@code index} again on its port, after it was killed or stopped. */
    PlatformProcess restart(int index, String... extra) throws IOException {
        PlatformProcess old = instances.get(index);
        PlatformProcess started = launch(index, old.port, extra);
        instances.set(index, started);
        return started;
    }

    /** Replaces instance {@code index} with one started with {@code extra} settings (a crash point). */
    PlatformProcess relaunch(int index, String... extra) throws IOException, InterruptedException {
        instances.get(index).stop();
        return restart(index, extra);
    }

    AdminApiClient admin(PlatformProcess instance) throws IOException, InterruptedException {
        return new AdminApiClient(instance.port, API_CLIENT, apiSecret);
    }

    /** Provisions an enterprise tenant through {@code instance}, activates and signs in its owner, and sends one envelope. */
    GateLoad.Tenant tenant(PlatformProcess instance) throws IOException, InterruptedException {
        AdminApiClient admin = admin(instance);
        AdminApiClient.TenantOwner owner = admin.tenantOwner("enterprise");
        String link = admin.sentLink(owner, "Fault harness contract", "Signer", "signer@" + owner.slug() + ".test");
        return new GateLoad.Tenant(owner.tenantId(), owner.slug(), owner.email(), owner.password(), owner.accessToken(), link);
    }

    private PlatformProcess launch(int index, int port, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/iusign_faults",
                "--spring.datasource.username=iusign_faults_app", "--spring.datasource.password=faults-app-password",
                "--spring.liquibase.user=iusign_faults_owner", "--spring.liquibase.password=faults-owner-password",
                "--iusign.database.admin-url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "--iusign.database.admin-username=postgres",
                "--iusign.keys.master-key=" + masterKey,
                "--iusign.bootstrap.api.client.id=" + API_CLIENT, "--iusign.bootstrap.api.client.secret=" + apiSecret,
                "--iusign.embedded.mail=false", "--iusign.demo-data.enabled=false",
                // Every request of the load comes from 127.0.0.1: the per-address throttles would answer most of them 429.
                "--iusign.throttle.sign-in-per-second=10000", "--iusign.throttle.sign-in-burst=10000",
                "--iusign.throttle.signing-links-per-second=10000", "--iusign.throttle.signing-links-burst=10000",
                "--iusign.throttle.bad-tokens-per-second=10000", "--iusign.throttle.bad-tokens-burst=10000",
                // Listener retries within a case's windows (production: minutes, see application.properties).
                "--spring.modulith.events.staleness.check-intervall=PT2S", "--spring.modulith.events.staleness.processing=PT5S",
                "--spring.modulith.events.staleness.published=PT30S", "--iusign.events.retry-interval=PT2S",
                "--iusign.events.retry-min-age=PT2S",
                "--logging.level.root=WARN", "--logging.level.com.iusign=INFO"));
        arguments.addAll(redis.settings(index));
        arguments.addAll(List.of(extra));
        return PlatformProcess.start("instance-" + index, port, directory, arguments);
    }

    @Override
    public void close() {
        for (PlatformProcess instance : instances) {
            try {
                instance.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        quietly(postgresProxy);
        quietly(redis);
        quietly(postgres);
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            System.err.println("Fault harness: could not close " + closeable + ": " + e.getMessage());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
