package com.iusign.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The platform's embedded default: with no {@code spring.datasource.url} it starts an embedded
 * PostgreSQL, with no {@code spring.data.redis.url} / {@code spring.data.redis.host} an embedded
 * Redis, and points Spring at them; with both configured it starts nothing. With no
 * {@code spring.mail.host} it starts an in-memory SMTP server too — in the embedded default, or
 * wherever {@code iusign.embedded.mail=true} asks for it (tests against real PostgreSQL and Redis):
 * a deployment on real servers that forgot its mail host gets failing deliveries it can see, not
 * a server that silently keeps its mail. Either way it
 * creates the database and its two roles (see {@link DatabaseProvisioner}) when it can: always
 * for the embedded server, for a real one only with {@code iusign.database.admin-url}.
 *
 * <p>Runs after the configuration files are loaded, so every standard way of configuring the
 * URLs (properties, {@code SPRING_DATASOURCE_URL}, command line) turns the embedded servers off.
 */
public class EmbeddedServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "iusignEmbeddedServers";
    private static final String REDIS_CLIENT = "org.springframework.data.redis.connection.RedisConnectionFactory";
    private static final String MAIL_CLIENT = "org.springframework.mail.javamail.JavaMailSender";

    private final Log log;

    public EmbeddedServersEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedServersEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        PlatformDatabase database = PlatformDatabase.from(environment);
        boolean embeddedEnabled = environment.getProperty("iusign.embedded.enabled", Boolean.class, true);
        boolean needsPostgres = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean needsRedis = ClassUtils.isPresent(REDIS_CLIENT, application.getClassLoader())
                && !StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                && !StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
                // A Sentinel set or a Cluster configured with Spring's standard settings is a configured Redis too.
                && !StringUtils.hasText(environment.getProperty("spring.data.redis.sentinel.master"))
                && !StringUtils.hasText(environment.getProperty("spring.data.redis.cluster.nodes"));

        boolean needsMail = ClassUtils.isPresent(MAIL_CLIENT, application.getClassLoader())
                && !StringUtils.hasText(environment.getProperty("spring.mail.host"))
                && environment.getProperty("iusign.embedded.mail", Boolean.class, needsPostgres || needsRedis);

        Map<String, Object> properties = new HashMap<>();
        if (!needsPostgres) {
            log.info("Using the configured PostgreSQL at " + environment.getProperty("spring.datasource.url"));
            provisionConfiguredServer(environment, database);
        }
        if (!needsRedis && ClassUtils.isPresent(REDIS_CLIENT, application.getClassLoader())) {
            log.info("Using the configured Redis at " + describeRedis(environment));
        }
        if (embeddedEnabled && (needsPostgres || needsRedis || needsMail)) {
            Path dataDirectory = dataDirectory(environment);
            EmbeddedCredentials credentials = EmbeddedCredentials.in(dataDirectory, isEphemeral(environment));
            EmbeddedServers servers = new EmbeddedServers(log, dataDirectory, isEphemeral(environment));
            properties.put("iusign.embedded.data-directory", dataDirectory.toString());
            application.addInitializers(new EmbeddedServersInitializer(servers));
            application.addListeners(event -> {
                if (event instanceof ApplicationFailedEvent) {
                    servers.close();
                }
            });
            if (needsPostgres) {
                startPostgres(servers, database, credentials, properties);
            }
            if (needsRedis) {
                int port = servers.startRedis(credentials.redis());
                properties.put("spring.data.redis.url", "redis://:" + credentials.redis() + "@127.0.0.1:" + port);
                log.info("Embedded Redis started on 127.0.0.1:" + port + " (no spring.data.redis.url configured)");
            }
            if (needsMail) {
                int port = servers.startMail().port();
                properties.put("spring.mail.host", "127.0.0.1");
                properties.put("spring.mail.port", port);
                log.info("Embedded SMTP server started on 127.0.0.1:" + port
                        + " (no spring.mail.host configured): every message stays in memory, read it in the console's Mail outbox");
            }
        }
        if (!StringUtils.hasText(environment.getProperty("spring.liquibase.parameters.appRole"))) {
            // Changesets that revoke privileges (the audit trail's) name the runtime role through this parameter.
            properties.put("spring.liquibase.parameters.appRole", database.appRole());
        }
        properties.put("iusign.runtime.mode", needsPostgres || needsRedis ? "embedded" : "external");
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    private void startPostgres(EmbeddedServers servers, PlatformDatabase database, EmbeddedCredentials credentials,
                               Map<String, Object> properties) {
        EmbeddedPostgres postgres = servers.startPostgres(credentials.postgresSuperuser());
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        new DatabaseProvisioner(adminUrl, "postgres", credentials.postgresSuperuser())
                .provision(database.name(), database.ownerRole(), credentials.owner(), database.appRole(), credentials.app());
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database.name();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", database.appRole());
        properties.put("spring.datasource.password", credentials.app());
        properties.put("spring.liquibase.url", url);
        properties.put("spring.liquibase.user", database.ownerRole());
        properties.put("spring.liquibase.password", credentials.owner());
        log.info("Embedded PostgreSQL started at " + url + " with its data in "
                + servers.dataDirectory().resolve("postgres").toAbsolutePath()
                + " (no spring.datasource.url configured)");
    }

    private void provisionConfiguredServer(ConfigurableEnvironment environment, PlatformDatabase database) {
        String adminUrl = environment.getProperty("iusign.database.admin-url");
        if (!StringUtils.hasText(adminUrl)) {
            return;
        }
        new DatabaseProvisioner(adminUrl,
                environment.getProperty("iusign.database.admin-username", "postgres"),
                environment.getProperty("iusign.database.admin-password"))
                .provision(database.name(), database.ownerRole(), environment.getProperty("spring.liquibase.password"),
                        database.appRole(), environment.getProperty("spring.datasource.password"));
        log.info("Provisioned database '" + database.name() + "' with roles " + database.ownerRole() + " (owner) and "
                + database.appRole() + " (runtime) through " + adminUrl);
    }

    private static Path dataDirectory(ConfigurableEnvironment environment) {
        if (isEphemeral(environment)) {
            try {
                return Files.createTempDirectory("iusign-embedded-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a temporary directory for the embedded servers", e);
            }
        }
        return Path.of(environment.getProperty("iusign.embedded.data-dir", ".iusign")).toAbsolutePath();
    }

    private static boolean isEphemeral(ConfigurableEnvironment environment) {
        return environment.getProperty("iusign.embedded.ephemeral", Boolean.class, false);
    }

    private static String describeRedis(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.data.redis.url");
        if (StringUtils.hasText(url)) {
            return url.replaceFirst("//[^@/]*@", "//***@");
        }
        if (StringUtils.hasText(environment.getProperty("spring.data.redis.sentinel.master"))) {
            return "Sentinel master " + environment.getProperty("spring.data.redis.sentinel.master") + " through "
                    + environment.getProperty("spring.data.redis.sentinel.nodes");
        }
        if (StringUtils.hasText(environment.getProperty("spring.data.redis.cluster.nodes"))) {
            return "Cluster " + environment.getProperty("spring.data.redis.cluster.nodes");
        }
        return environment.getProperty("spring.data.redis.host") + ":" + environment.getProperty("spring.data.redis.port", "6379");
    }

    /**
     * Names of the platform database and its roles. Explicit {@code iusign.database.*} settings win;
     * otherwise the standard Spring properties name them, so a configured server is provisioned for
     * exactly the URL and users the application will connect with.
     */
    record PlatformDatabase(String name, String ownerRole, String appRole) {

        static PlatformDatabase from(ConfigurableEnvironment environment) {
            return new PlatformDatabase(
                    firstText(environment.getProperty("iusign.database.name"),
                            databaseOf(environment.getProperty("spring.datasource.url")), "iusign"),
                    firstText(environment.getProperty("iusign.database.owner-role"),
                            environment.getProperty("spring.liquibase.user"), "iusign_owner"),
                    firstText(environment.getProperty("iusign.database.app-role"),
                            environment.getProperty("spring.datasource.username"), "iusign_app"));
        }

        private static String databaseOf(String jdbcUrl) {
            if (!StringUtils.hasText(jdbcUrl)) {
                return null;
            }
            var matcher = java.util.regex.Pattern.compile("jdbc:postgresql://[^/]*/([^?]+)").matcher(jdbcUrl);
            return matcher.find() ? matcher.group(1) : null;
        }

        private static String firstText(String... candidates) {
            for (String candidate : candidates) {
                if (StringUtils.hasText(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no default");
        }
    }
}
