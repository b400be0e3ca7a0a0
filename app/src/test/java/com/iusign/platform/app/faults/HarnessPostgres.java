package com.iusign.platform.app.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fault harness's own PostgreSQL (Zonky's binaries, the embedded default's) on a port and data
 * directory of its own, never the machine's shared server: {@link #restart()} stops it (fast
 * shutdown: sessions are ended, committed data stays) and starts it again on the same port with the
 * same data, as an operator's restart or a failover to the same address would; {@link #kill()} ends it
 * as a crash would.
 */
final class HarnessPostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres server;

    HarnessPostgres(Path directory, int port) throws IOException {
        this.directory = directory;
        this.port = port;
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // As production runs it (Zonky's default is off): a commit the platform acknowledged is on disk.
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * SIGKILL to the postmaster and every process of the server at once, as a crash of its machine would end them: no
     * shutdown checkpoint, WAL buffers lost; the data directory stays and {@link #start()} recovers from the WAL.
     */
    synchronized void kill() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> processes = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        try {
            server.close(); // releases Zonky's lock on the directory; its pg_ctl stop finds nothing to stop
        } catch (IOException | RuntimeException alreadyGone) {
            // the server is gone, which is the point
        }
        server = null;
    }

    void restart() throws IOException {
        stop();
        start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
