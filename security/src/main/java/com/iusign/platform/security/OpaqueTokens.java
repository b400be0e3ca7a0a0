package com.iusign.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque bearer secrets (activation, refresh and signing-link tokens): 256 random bits, stored only as SHA-256. A fast hash is enough for
 * values with that much entropy (unlike passwords), and it lets a token be looked up by its hash.
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A token that names the tenant it belongs to ({@code <tenant>.<secret>}), so that an
     * anonymous request can scope its transaction to that tenant before looking the token up
     * under row-level security. The hash covers the whole token: altering the tenant part yields
     * a token that is simply not found.
     */
    public static String newToken(UUID tenantId) {
        ByteBuffer id = ByteBuffer.allocate(16).putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.array()) + "." + newToken();
    }

    /** The tenant named by a token from {@link #newToken(UUID)}; empty for any other string. */
    public static Optional<UUID> tenantOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot != 22) {
            return Optional.empty();
        }
        try {
            ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return Optional.of(new UUID(id.getLong(), id.getLong()));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
