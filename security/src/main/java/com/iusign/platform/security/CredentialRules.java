package com.iusign.platform.security;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every e-mail and password (SuperAdmins and tenant users), and every API client id
 * and secret, must meet. Password strength is Dropbox's zxcvbn estimate (the nulab-inc port),
 * chosen over a length rule or a hand-made blocklist: it knows the common-password lists,
 * dictionaries, names, keyboard walks, repeats and dates, and says why a password is weak.
 */
public final class CredentialRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MIN_CLIENT_SECRET_LENGTH = 24;
    /**
     * zxcvbn's score (0–4) a password needs: 3 means about 10^8 guesses or more, out of reach of
     * online guessing and of common-password lists, names, keyboard patterns and dates, which the
     * estimator knows (and the account's own e-mail, which it is given).
     */
    public static final int MIN_STRENGTH = 3;
    private static final Zxcvbn STRENGTH = new Zxcvbn();

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
        List<String> personal = email == null ? List.of() : List.of(email.split("[@.+_-]"));
        Strength strength = STRENGTH.measure(password, personal);
        if (strength.getScore() < MIN_STRENGTH) {
            Feedback feedback = strength.getFeedback();
            String why = feedback.getWarning() == null || feedback.getWarning().isBlank() ? "" : " " + feedback.getWarning().strip() + ".";
            String hint = feedback.getSuggestions().isEmpty() ? "" : " " + String.join(" ", feedback.getSuggestions());
            throw new IllegalArgumentException(("The password is too easy to guess (strength " + strength.getScore() + " of 4, at least "
                    + MIN_STRENGTH + " needed)." + why + hint).replace("..", "."));
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
