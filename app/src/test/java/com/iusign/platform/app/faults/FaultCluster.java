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
 * What a fault case runs against: one PostgreSQL and one Redis owned by the harness (own ports and
 * directories under {@code target/faults/}, never the machine's shared servers), {@link TcpProxy}s
 * that a case can cut or blackhole (one in front of PostgreSQL, one per instance in front of Redis),
 * and N platform instances as separate JVM processes that reach both through the proxies and share
 * the master key and a bootstrap API client.
 */
final class FaultCluster implements AutoCloseable {

    static final String API_CLIENT = "faults-harness";

    final Path directory;
    final HarnessPostgres postgres;
    final TcpProxy postgresProxy;
    RedisProcess redis;
    final int redisPort;
    /** Each instance's own way to Redis, so that a case can cut one instance off while the others still reach it. */
    private final List<TcpProxy> redisPaths = new CopyOnWriteArrayList<>();
    private final String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
    private final String apiSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
    private final List<PlatformProcess> instances = new CopyOnWriteArrayList<>();

    private FaultCluster(Path directory) throws IOException {
        this.directory = directory;
        this.postgres = new HarnessPostgres(directory.resolve("postgres"), freePort());
        this.postgresProxy = new TcpProxy("127.0.0.1", postgres.port());
        this.redisPort = freePort();
        this.redis = RedisProcess.server(Files.createDirectories(directory.resolve("redis")), redisPort);
    }

    /** Starts the servers and {@code count} instances, one after the other (the first creates the database and migrates it). */
    static FaultCluster start(String name, int count) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "faults", name + "-" + Instant.now().toEpochMilli()).toAbsolutePath());
        FaultCluster cluster = new FaultCluster(directory);
        try {
            for (int index = 0; index < count; index++) {
                cluster.redisPaths.add(new TcpProxy("127.0.0.1", cluster.redisPort));
                cluster.instances.add(cluster.launch(index, freePort()));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
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

    /** Kills the harness's Redis (SIGKILL) and starts a new, empty one on the same port. */
    void killRedis() throws InterruptedException {
        redis.kill();
    }

    void startRedis() throws IOException {
        redis = RedisProcess.server(directory.resolve("redis"), redisPort);
    }

    /** The network between instance {@code index} and Redis. */
    TcpProxy redisPath(int index) {
        return redisPaths.get(index);
    }

    List<TcpProxy> redisPaths() {
        return redisPaths;
    }

    private PlatformProcess launch(int index, int port, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/iusign_faults",
                "--spring.datasource.username=iusign_faults_app", "--spring.datasource.password=faults-app-password",
                "--spring.liquibase.user=iusign_faults_owner", "--spring.liquibase.password=faults-owner-password",
                "--iusign.database.admin-url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "--iusign.database.admin-username=postgres",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPaths.get(index).port(),
                "--iusign.keys.master-key=" + masterKey,
                "--iusign.bootstrap.api.client.id=" + API_CLIENT, "--iusign.bootstrap.api.client.secret=" + apiSecret,
                "--iusign.embedded.mail=false", "--iusign.demo-data.enabled=false",
                "--logging.level.root=WARN", "--logging.level.com.iusign=INFO"));
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
        redisPaths.forEach(FaultCluster::quietly);
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
