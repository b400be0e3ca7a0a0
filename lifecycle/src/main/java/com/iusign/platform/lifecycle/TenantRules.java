package com.iusign.platform.lifecycle;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of the tenant record's fields; each check returns the normalized value or records an error. */
final class TenantRules {

    static final int MAX_NAME = 120;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private TenantRules() {
    }

    static @Nullable String name(@Nullable String name, Map<String, String> errors) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            errors.put("name", "The name must have 1 to " + MAX_NAME + " characters");
            return null;
        }
        if (!trimmed.codePoints().allMatch(TenantRules::printable)) {
            errors.put("name", "The name may contain only printable characters (no control or formatting characters)");
            return null;
        }
        return trimmed;
    }

    static @Nullable String slug(@Nullable String slug, Map<String, String> errors) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            errors.put("slug", "The slug must have 3 to 63 lowercase letters, digits or '-', and start and end with a letter or digit");
            return null;
        }
        return slug;
    }

    static @Nullable String email(@Nullable String email, Map<String, String> errors) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            errors.put("ownerEmail", "'" + (email == null ? "" : email.strip()) + "' is not a valid e-mail address");
            return null;
        }
        return normalized;
    }

    /** @return the lower-case domain without a trailing dot, or null when absent or invalid */
    static @Nullable String domain(@Nullable String domain, Map<String, String> errors) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        String normalized = domain.strip().toLowerCase(Locale.ROOT);
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        String problem = domainProblem(normalized);
        if (problem != null) {
            errors.put("customDomain", "'" + domain.strip() + "' is not a valid DNS name: " + problem);
            return null;
        }
        return normalized;
    }

    private static @Nullable String domainProblem(String domain) {
        if (!domain.chars().allMatch(c -> c < 128)) {
            return "write an internationalized name in its punycode (xn--) form";
        }
        if (domain.length() > 253) {
            return "it is longer than 253 characters";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "it needs at least two labels, like sign.example.com";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "each label must have 1 to 63 letters, digits or '-', not starting or ending with '-'";
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "the last label cannot be numeric";
        }
        return null;
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
