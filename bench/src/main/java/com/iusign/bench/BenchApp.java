package com.iusign.bench;

import com.iusign.platform.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every benchmark does alike: run the app on throw-away embedded servers, and print and keep its report. */
final class BenchApp {

    private BenchApp() {
    }

    /**
     * The platform on a random port with ephemeral embedded PostgreSQL and Redis, no demo data, quiet logs; {@code extra}
     * adds settings or replaces these (a setting given twice on the command line would be read as both values joined).
     */
    static ConfigurableApplicationContext start(String... extra) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : List.of("--server.port=0", "--spring.datasource.url=", "--spring.data.redis.url=",
                "--iusign.embedded.ephemeral=true", "--iusign.demo-data.enabled=false", "--logging.level.root=WARN",
                "--iusign.database.admin-url=")) {
            arguments.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        for (String argument : extra) {
            arguments.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        return new SpringApplicationBuilder(Application.class).run(arguments.values().toArray(String[]::new));
    }

    record Owner(java.util.UUID tenant, String token) {
    }

    /** A new tenant on {@code plan} with its owner activated and signed in: the tenant and the owner's access token. */
    static Owner owner(ConfigurableApplicationContext app, String plan, String prefix) {
        String slug = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String email = "owner@" + slug + ".test";
        String password = "benchmark owner password " + slug;
        var result = app.getBean(com.iusign.platform.lifecycle.TenantLifecycle.class).provisionReporting(
                new com.iusign.platform.lifecycle.ProvisionTenant("Bench " + slug, slug, plan, email, null),
                com.iusign.platform.kernel.Change.of(com.iusign.platform.kernel.Actor.system("benchmark"), "Benchmark"));
        app.getBean(com.iusign.platform.identity.TenantUsers.class).activate((String) result.extras().get("ownerActivationToken"), password);
        return new Owner(result.tenant().id().value(),
                app.getBean(com.iusign.platform.identity.TenantSignIn.class).signIn(slug, email, password).accessToken());
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
