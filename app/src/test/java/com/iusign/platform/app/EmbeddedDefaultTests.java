package com.iusign.platform.app;

import com.iusign.platform.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-command default run: with no server configured (even when the environment of this
 * test run points at real ones, which command-line arguments override), the app starts an
 * embedded PostgreSQL, Redis and SMTP server, keeps the data under its data directory across a restart, and
 * stops all three when it stops. The demo fleet fills the empty database once.
 */
class EmbeddedDefaultTests {

    @TempDir
    Path dataDirectory;

    @Test
    void restartKeepsTheTenantsAndStoppingTheAppStopsTheEmbeddedServers() throws Exception {
        long demoTenants;
        UUID tenant = UUID.randomUUID();
        int postgresPort;
        int redisPort;
        int mailPort;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getEnvironment().getProperty("iusign.runtime.mode")).isEqualTo("embedded");
            postgresPort = URI.create(first.getEnvironment().getProperty("spring.datasource.url").substring(5)).getPort();
            redisPort = URI.create(first.getEnvironment().getProperty("spring.data.redis.url")).getPort();
            assertThat(postgresPort).isNotEqualTo(5432);
            assertThat(redisPort).isNotEqualTo(6379);
            mailPort = first.getEnvironment().getProperty("spring.mail.port", Integer.class);
            assertThat(first.getEnvironment().getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
            assertThat(first.getBean(com.iusign.embedded.EmbeddedMailbox.class).port()).isEqualTo(mailPort);
            assertThat(smtpGreeting(mailPort)).as("an SMTP server answers on the embedded port").startsWith("220");
            assertThat(first.getEnvironment().getProperty("spring.data.redis.url")).contains(":" + redisPort);
            assertThatExceptionOfType(java.sql.SQLException.class).as("no local user gets in without the generated password")
                    .isThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                            "postgres", "")).withMessageContaining("password");
            assertThat(redisReply(redisPort, "PING")).as("Redis asks for the generated password").startsWith("-NOAUTH");
            assertThat(dataDirectory.resolve("credentials.properties")).exists();
            assertThat(first.getEnvironment().getProperty("iusign.embedded.data-directory")).as("the ready line names the data directory")
                    .isEqualTo(dataDirectory.toAbsolutePath().toString());
            assertThat(java.nio.file.Files.getPosixFilePermissions(dataDirectory.resolve("credentials.properties")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single())
                    .as("a commit is durable before it is acknowledged (Zonky's default is off)").isEqualTo("on");
            demoTenants = jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single();
            assertThat(demoTenants).as("the demo fleet fills the empty embedded database").isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM tenant").query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(DISTINCT plan) FROM tenant").query(Long.class).single()).isEqualTo(3);
            first.getBean(JdbcClient.class).sql("""
                    INSERT INTO tenant (id, name, slug, plan, subscription_status, status, owner_email)
                    VALUES (:id, 'Persistent Corp', 'persistent-corp', 'starter', 'TRIALING', 'ACTIVE', 'owner@persistent.test')""")
                    .param("id", tenant).update();
        }

        assertRefused(postgresPort);
        assertRefused(redisPort);
        assertRefused(mailPort);
        assertThat(dataDirectory.resolve("postgres").resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT name FROM tenant WHERE id = :id").param("id", tenant)
                    .query(String.class).single()).isEqualTo("Persistent Corp");
            assertThat(jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single())
                    .as("a database that has tenants gets no second fleet").isEqualTo(demoTenants + 1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--spring.datasource.url=", "--spring.data.redis.url=", "--spring.data.redis.host=",
                "--iusign.database.admin-url=",
                "--iusign.embedded.ephemeral=false",
                "--iusign.demo-data.enabled=true",
                "--iusign.embedded.data-dir=" + dataDirectory);
    }

    private static String redisReply(int port, String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static void assertRefused(int port) {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
    }

    private static String smtpGreeting(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(2000);
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
        }
    }
}
