package com.iusign.platform.app.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One platform instance as a JVM process of its own — the application's classes and dependencies
 * of this build, or the production jar ({@code -Dfaults.jar}), started through {@link FaultInstance}
 * — so that the harness can end it as an
 * operator or a crash would: {@link #kill()} is SIGKILL (no shutdown hook, no listener, no
 * flush), {@link #stop()} is SIGTERM (Spring's graceful shutdown). Its output goes to a log file
 * beside the harness's other files.
 */
final class PlatformProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String name;
    final int port;
    private final Path log;
    private final Process process;
    /** In the load balancer's rotation: from a successful readiness probe until the harness stops or kills it. */
    private volatile boolean ready;

    private PlatformProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the instance and returns once its readiness probe answers UP (database and Redis reached). */
    static PlatformProcess start(String name, int port, Path directory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.addAll(launcher(directory));
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Path log = directory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The harness names every server the instance uses: nothing may come from the test run's own environment.
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("IUSIGN_"));
        environment.put("VAADIN_USAGE_STATS_ENABLED", "false");
        PlatformProcess instance = new PlatformProcess(name, port, log, builder.start());
        instance.awaitReady(Duration.ofSeconds(180));
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What a load balancer would send traffic to: ready once, and not yet stopped, killed or crashed. */
    boolean inRotation() {
        return ready && process.isAlive();
    }

    /** SIGKILL, as a crash: nothing of the instance runs any more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Out of the rotation first (a load balancer drains it), then SIGTERM: Spring closes the context gracefully. */
    void stop() throws InterruptedException {
        ready = false;
        process.destroy();
        process.waitFor();
    }

    /** Waits for the process to end by itself (a crash point), at most {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** The near cache gauge of {@code /actuator/prometheus}: true while the gate trusts its near cache. */
    boolean nearCacheLive() {
        return metric("iusign_gate_near_cache_live") == 1.0;
    }

    double metric(String name) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private void awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> ready = probe());
    }

    private boolean probe() throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + " before it was ready; see " + log);
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * How the instance is started: by default this build's classes and dependencies (surefire's
     * class path); with {@code -Dfaults.jar=<the production jar>}, that jar through Spring Boot's
     * {@code PropertiesLauncher}, with only {@link FaultInstance} and {@link CrashPoint} added
     * ({@code loader.path}) — the test tree's configuration stays out.
     */
    private static List<String> launcher(Path directory) throws IOException {
        String jar = System.getProperty("faults.jar", "");
        if (jar.isBlank()) {
            return List.of("-cp", classpath(), FaultInstance.class.getName());
        }
        Path launcherClasses = directory.resolve("launcher");
        Path source = Path.of(java.net.URI.create(FaultInstance.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        Path faults = source.resolve(FaultInstance.class.getPackageName().replace('.', '/'));
        Path target = java.nio.file.Files.createDirectories(launcherClasses.resolve(FaultInstance.class.getPackageName().replace('.', '/')));
        try (var classes = java.nio.file.Files.list(faults)) {
            for (Path file : classes.filter(path -> path.getFileName().toString().startsWith("FaultInstance")
                    || path.getFileName().toString().startsWith("CrashPoint")).toList()) {
                java.nio.file.Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return List.of("-Dloader.path=" + launcherClasses, "-Dloader.main=" + FaultInstance.class.getName(),
                "-cp", Path.of(jar).toAbsolutePath().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    /** Surefire hands the test JVM a manifest-only jar; the real class path is in this property. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
