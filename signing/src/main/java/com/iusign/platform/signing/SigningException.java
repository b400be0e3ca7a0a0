package com.iusign.platform.signing;

import java.util.Map;

/**
 * Why the workspace refused a request; the web layer maps {@link Kind} to an HTTP status and an
 * RFC 9457 problem type. Nothing was written when one is thrown.
 */
public class SigningException extends RuntimeException {

    public enum Kind {
        /** Bad input; {@link #fieldErrors()} names each field. 400 */
        VALIDATION,
        /** No such envelope for this tenant, or no such link. 404 */
        NOT_FOUND,
        /** The envelope's state forbids it (sending twice, voiding a completed one, signing twice or out of order). 409 */
        CONFLICT,
        /** A plan quota would be exceeded. 403 */
        QUOTA_EXCEEDED,
        /** The link's tenant is suspended: temporarily unavailable. 423 */
        TENANT_SUSPENDED,
        /** The link's tenant was deactivated, or the envelope voided, or the link expired: gone for good. 410 */
        GONE
    }

    private final Kind kind;
    private final Map<String, Object> details;

    public SigningException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public SigningException(Kind kind, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.details = details;
    }

    public Kind kind() {
        return kind;
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
