package com.iusign.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules every SuperAdmin e-mail and password, and every API client id and secret, must meet. */
public final class CredentialRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MIN_CLIENT_SECRET_LENGTH = 24;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9._-]{3,64}$");

    private CredentialRules() {
    }

    /** @return the e-mail trimmed and lower-cased */
    public static String requireEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("The e-mail is missing");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + email.trim() + "' is not a valid e-mail address");
        }
        return normalized;
    }

    public static void requireStrongPassword(String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The password is missing");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters (it has " + password.length() + ")");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("The password must fit in " + MAX_PASSWORD_BYTES + " bytes of UTF-8");
        }
        if (password.equalsIgnoreCase(email)) {
            throw new IllegalArgumentException("The password must not be the e-mail address");
        }
    }

    public static void requireClientId(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("The API client id must be 3-64 characters of letters, digits, '.', '_' or '-'");
        }
    }

    public static void requireClientSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The API client secret is missing");
        }
        if (secret.length() < MIN_CLIENT_SECRET_LENGTH || secret.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("The API client secret must have " + MIN_CLIENT_SECRET_LENGTH
                    + " to " + MAX_PASSWORD_BYTES + " characters");
        }
    }
}
