package com.iusign.platform.signing;

import com.iusign.platform.kernel.Refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the workspace refused a request; {@link Kind} decides the HTTP status and the RFC 9457
 * problem type. Nothing was written when one is thrown.
 */
public class SigningException extends Refusal {

    public enum Kind {
        /** Bad input; {@link #fieldErrors()} names each field. */
        VALIDATION(400, "validation", "Invalid input"),
        /** No such envelope for this tenant, or no such link. */
        NOT_FOUND(404, "not-found", "Not found"),
        /** The envelope's state forbids it (sending twice, voiding a completed one, signing twice or out of order). */
        CONFLICT(409, "conflict", "Conflict"),
        /** A plan quota would be exceeded. */
        QUOTA_EXCEEDED(403, "quota-exceeded", "Plan quota exceeded"),
        /** The link's tenant is suspended: temporarily unavailable. */
        TENANT_SUSPENDED(423, "tenant-suspended", "Temporarily unavailable"),
        /** The link's tenant was deactivated, or the envelope voided, or the link expired: gone for good. */
        GONE(410, "link-unavailable", "No longer available");

        private final int status;
        private final String typeName;
        private final String title;

        Kind(int status, String typeName, String title) {
            this.status = status;
            this.typeName = typeName;
            this.title = title;
        }
    }

    private final Kind kind;
    private final Map<String, Object> details;

    public SigningException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public SigningException(Kind kind, String message, Map<String, Object> details) {
        super(kind.status, kind.typeName, kind.title, message);
        this.kind = kind;
        this.details = details;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Map<String, Object> properties() {
        if (kind == Kind.VALIDATION) {
            return Map.of("errors", fieldErrors().entrySet().stream()
                    .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        }
        if (kind == Kind.QUOTA_EXCEEDED) {
            Map<String, Object> quota = new LinkedHashMap<>(details);
            quota.keySet().retainAll(List.of("quota", "limit", "usage"));
            return quota;
        }
        return Map.of();
    }

    /** Extra problem members: {@code errors} for validation, {@code quota}/{@code limit}/{@code usage} for quotas. */
    public Map<String, Object> details() {
        return details;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> fieldErrors() {
        return (Map<String, String>) details.getOrDefault("fieldErrors", Map.of());
    }

    /** A refusal naming each invalid field. */
    public static SigningException validation(Map<String, String> fieldErrors) {
        return new SigningException(Kind.VALIDATION, String.join("; ", fieldErrors.values()), Map.of("fieldErrors", fieldErrors));
    }
}
