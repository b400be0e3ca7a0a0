package com.iusign.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of the embedded servers: the PostgreSQL superuser, the owner and runtime roles,
 * and Redis. Generated once into {@code credentials.properties} in the data directory (readable
 * by its owner only) and reused on every start, so that another local user who finds the ports
 * cannot connect; an ephemeral run keeps them in memory.
 */
record EmbeddedCredentials(String postgresSuperuser, String owner, String app, String redis) {

    static final String FILE = "credentials.properties";

    static EmbeddedCredentials in(Path dataDirectory, boolean ephemeral) {
        if (ephemeral) {
            return new EmbeddedCredentials(random(), random(), random(), random());
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            EmbeddedCredentials credentials = new EmbeddedCredentials(
                    stored.getProperty("postgres.superuser", random()), stored.getProperty("postgres.owner", random()),
                    stored.getProperty("postgres.app", random()), stored.getProperty("redis", random()));
            if (!Files.exists(file) || stored.size() < 4) {
                Files.createDirectories(dataDirectory);
                Properties written = new Properties();
                written.setProperty("postgres.superuser", credentials.postgresSuperuser());
                written.setProperty("postgres.owner", credentials.owner());
                written.setProperty("postgres.app", credentials.app());
                written.setProperty("redis", credentials.redis());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer writer = Files.newBufferedWriter(file)) {
                    written.store(writer, "Passwords of the embedded PostgreSQL and Redis; generated once, keep private");
                }
            }
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded servers' credentials at " + file + " could not be read or created", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
