package com.iusign.platform.audit;

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
 * The hash chain: each entry's hash covers its content and the previous entry's hash, so that
 * altering, removing or reordering any entry (even by someone who can bypass the database's
 * refusal) breaks every later hash.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditChain() {
    }

    static String canonicalJson(Map<String, Object> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }

    static String hash(String previousHash, @Nullable UUID tenantId, Instant occurredAt, String actorKind, String actor,
                       String action, @Nullable String reason, @Nullable String ticket, String beforeJson, String afterJson,
                       String correlationId) {
        String content = String.join("\u001f", previousHash, String.valueOf(tenantId), occurredAt.toString(), actorKind, actor,
                action, String.valueOf(reason), String.valueOf(ticket), beforeJson, afterJson, correlationId);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
