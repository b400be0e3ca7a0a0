package com.iusign.platform.security.internal;

import com.iusign.platform.security.KeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key provider: {@code IUSIGN_KEYS_PROVIDER=local} (default) or {@code aws-kms} (see
 * {@link KmsProperties}; the standard AWS region and credential chain, or settings of their own).
 * The local key provider's master key: {@code IUSIGN_KEYS_MASTER_KEY} (base64 of 32 random
 * bytes) when set. Otherwise, only for the embedded default, a key generated once into the data
 * directory ({@code master.key}, owner-only) — or kept in memory for an ephemeral run. With real
 * servers and no key the start fails: instances with different generated keys could not read
 * each other's documents.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KmsProperties.class)
class KeyProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyProviderConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(KeyProvider.class)
    KeyProvider keyProvider(Environment environment, JdbcClient jdbc, KmsProperties kms) {
        String provider = environment.getProperty("iusign.keys.provider", "local").strip();
        return switch (provider) {
            case "local" -> new LocalKeyProvider(masterKey(environment), jdbc);
            case "aws-kms" -> {
                log.info("Tenant master keys in AWS KMS ({}), platform secrets under {}", kms.describeEndpoint(), kms.platformKey());
                yield new AwsKmsKeyProvider(kms.client(), kms.platformKey(), kms.deletionWindowDays());
            }
            default -> throw new IllegalStateException("IUSIGN_KEYS_PROVIDER is '" + provider + "'; it must be 'local' or 'aws-kms'");
        };
    }

    static byte[] masterKey(Environment environment) {
        String configured = environment.getProperty("iusign.keys.master-key", "");
        if (!configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("IUSIGN_KEYS_MASTER_KEY is not valid base64; generate one with: openssl rand -base64 32");
            }
            if (key.length != 32) {
                throw new IllegalStateException("IUSIGN_KEYS_MASTER_KEY must decode to 32 bytes (it has " + key.length
                        + "); generate one with: openssl rand -base64 32");
            }
            return key;
        }
        if (!"embedded".equals(environment.getProperty("iusign.runtime.mode"))) {
            throw new IllegalStateException("IUSIGN_KEYS_MASTER_KEY is not set. With real PostgreSQL/Redis every instance needs"
                    + " the same platform master key to read tenant documents: generate one with `openssl rand -base64 32`"
                    + " and set it on all instances.");
        }
        if (environment.getProperty("iusign.embedded.ephemeral", Boolean.class, false)) {
            return random();
        }
        Path file = Path.of(environment.getProperty("iusign.embedded.data-dir", ".iusign")).toAbsolutePath().resolve("master.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = random();
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            log.info("Generated the embedded platform master key at {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded master key at " + file + " could not be read or created", e);
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
