package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClients;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The platform's OAuth 2.0 token endpoint for admin API clients (client-credentials grant, RFC
 * 6749 section 4.4; client authentication by HTTP Basic or form parameters) and the JWK set that
 * verifies its tokens. Errors follow RFC 6749 section 5.2, which OAuth client libraries expect.
 */
@RestController
class AdminTokenEndpoint {

    static final String TOKEN_PATH = "/oauth2/token";
    static final String JWKS_PATH = "/oauth2/jwks";

    private final AdminApiClients clients;
    private final AdminTokenIssuer issuer;
    private final PlatformSigningKeys keys;

    AdminTokenEndpoint(AdminApiClients clients, AdminTokenIssuer issuer, PlatformSigningKeys keys) {
        this.clients = clients;
        this.issuer = issuer;
        this.keys = keys;
    }

    /** The answers of RFC 6749 §5.1 and §5.2, with their standard field names. */
    sealed interface TokenAnswer permits AccessToken, TokenError {
    }

    record AccessToken(String access_token, String token_type, long expires_in) implements TokenAnswer {
    }

    record TokenError(String error, String error_description) implements TokenAnswer {
    }

    @PostMapping(path = TOKEN_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenAnswer> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String formClientId,
            @RequestParam(name = "client_secret", required = false) String formClientSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is missing; use client_credentials");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "grant_type '" + grantType + "' is not supported; use client_credentials");
        }
        String[] credentials = basicCredentials(authorization);
        if (credentials == null && authorization != null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "The Authorization header is not valid HTTP Basic");
        }
        if (credentials != null && formClientId != null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Authenticate the client one way only: HTTP Basic or form parameters");
        }
        String clientId = credentials != null ? credentials[0] : formClientId;
        String secret = credentials != null ? credentials[1] : formClientSecret;
        if (clientId == null || clientId.isBlank()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication is missing");
        }
        return clients.authenticate(clientId, secret)
                .map(client -> {
                    Jwt jwt = issuer.issueFor(client);
                    TokenAnswer body = new AccessToken(jwt.getTokenValue(), "Bearer",
                            Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds());
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
                })
                .orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "invalid_client",
                        "Unknown client, wrong secret, or the client was revoked"));
    }

    @GetMapping(path = JWKS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return null;
            }
            return new String[] {
                    java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<TokenAnswer> error(HttpStatus status, String code, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"iusign\"");
        }
        return response.body(new TokenError(code, description));
    }
}
