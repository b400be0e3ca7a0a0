package com.iusign.platform.audit;

import com.iusign.platform.security.PlatformSecrets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The chain: each entry's link covers its content and the previous entry's link, so that
 * altering, removing or reordering any entry (even by someone who can bypass the database's
 * refusal) breaks every later link. Links are HMAC-SHA-256 under a platform secret the database
 * holds only wrapped ({@link #KEYED}), so that nobody with database access alone can extend the
 * chain either; entries written before the chain was keyed keep their plain SHA-256 links
 * ({@link #LEGACY}), and none may follow a keyed one.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String KEYED = "hmac-sha256";
    static final String LEGACY = "sha256";
    static final String SECRET = "audit-chain";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditChain() {
    }

    static String link(PlatformSecrets secrets, String content) {
        return HexFormat.of().formatHex(secrets.hmacSha256(SECRET, content.getBytes(StandardCharsets.UTF_8)));
    }

    static String legacyLink(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String canonicalJson(Map<String, Object> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }

    /** What a link covers: the previous link and every field of the entry, separated by a unit separator. */
    static String content(String previousHash, @Nullable UUID tenantId, Instant occurredAt, String actorKind, String actor,
                          String action, @Nullable String reason, @Nullable String ticket, String beforeJson, String afterJson,
                          String correlationId) {
        return String.join("\u001f", previousHash, String.valueOf(tenantId), occurredAt.toString(), actorKind, actor,
                action, String.valueOf(reason), String.valueOf(ticket), beforeJson, afterJson, correlationId);
    }
}
