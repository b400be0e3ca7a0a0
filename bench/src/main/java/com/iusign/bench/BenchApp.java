package com.iusign.bench;

import com.iusign.platform.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every benchmark does alike: run the app on throw-away embedded servers, and print and keep its report. */
final class BenchApp {

    private BenchApp() {
    }

    /** The platform on a random port with ephemeral embedded PostgreSQL and Redis, no demo data, quiet logs; plus {@code extra}. */
    static ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=", "--spring.data.redis.url=",
                "--iusign.embedded.ephemeral=true", "--iusign.demo-data.enabled=false", "--logging.level.root=WARN",
                "--iusign.database.admin-url="));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
    }

    /** Prints the report and writes it to {@code target/<file>}. */
    static void report(String file, String report) throws IOException {
        System.out.println(report);
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** The {@code p}-th percentile of latencies in nanoseconds, in milliseconds (nearest rank). */
    static double percentile(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
