package com.iusign.platform.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header (RFC 6750 §2.1), with the answers of Spring's
 * {@link DefaultBearerTokenResolver} in its default settings: no {@code Bearer} scheme means no token, a
 * malformed one is refused as {@code invalid_token}, and {@code access_token} parameters are never read. Checked
 * by a loop over the characters: the default's case-insensitive regex over a 570-character token was 5.7% of a
 * tenant API request's CPU in the profile of issue 15 (docs/benchmarks.md).
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        return token(header);
    }

    /** The b64token after {@code "Bearer "}: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    static String token(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw malformed();
        }
        int i = SCHEME.length();
        while (i < length && isToken68(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            throw malformed();
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        if (i != length) {
            throw malformed();
        }
        return header.substring(SCHEME.length());
    }

    private static boolean isToken68(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
