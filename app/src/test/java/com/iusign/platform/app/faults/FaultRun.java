package com.iusign.platform.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The knobs of a fault run and where its figures go. {@code ./mvnw verify} runs the short form
 * (a few seconds of load per window); the long form of docs/reliability.md sets
 * {@code -Dfaults.seconds}, {@code -Dfaults.rate} and {@code -Dfaults.instances}. Every case
 * appends its table to {@code target/faults/results.md}.
 */
final class FaultRun {

    /** Seconds of load in each window (before, during, after a fault). */
    static final int SECONDS = Integer.getInteger("faults.seconds", 3);
    /** Requests per second the load sends, over all instances. */
    static final int RATE = Integer.getInteger("faults.rate", 120);
    /** How many platform instances (separate JVMs) a case starts. */
    static final int INSTANCES = Integer.getInteger("faults.instances", 2);
    static final int WORKERS = 48;

    private FaultRun() {
    }

    static Duration window() {
        return Duration.ofSeconds(SECONDS);
    }

    /** Keeps the load running for one window: the figures are measured over it (a duration, not a wait for a result). */
    static void hold() throws InterruptedException {
        Thread.sleep(window());
    }

    /** Appends a case's table (and its notes) to target/faults/results.md and prints it. */
    static void report(String fault, String notes, List<LoadSummary> windows) {
        StringBuilder text = new StringBuilder("\n### ").append(fault).append("\n\n")
                .append("Load: %d req/s over %d instance(s), %d workers; windows of %d s. %s%n%n".formatted(RATE, INSTANCES, WORKERS, SECONDS, notes))
                .append(LoadSummary.header()).append('\n');
        windows.forEach(window -> text.append(window.row()).append('\n'));
        windows.forEach(window -> text.append("\n<!-- ").append(window.window()).append(": ").append(window.byStatus()).append(" -->"));
        text.append('\n');
        System.out.println(text);
        try {
            Path results = Files.createDirectories(Path.of("target", "faults")).resolve("results.md");
            Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
