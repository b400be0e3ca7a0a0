package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem bodies for the admin API's 401 and 403 answers. The {@code WWW-Authenticate}
 * header still comes from Spring's bearer-token handlers (RFC 6750), so OAuth clients keep working.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPE_UNAUTHENTICATED = "urn:iusign:problem:unauthenticated";
    static final String TYPE_INVALID_TOKEN = "urn:iusign:problem:invalid-token";
    static final String TYPE_FORBIDDEN = "urn:iusign:problem:forbidden";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean rateLimited = exception instanceof GateAuthentication.Refused limited && limited.refusal() == GateRefusal.RATE_LIMITED;
        if (!rateLimited) {
            // Over the rate is not an authentication failure: no WWW-Authenticate challenge for it.
            bearerEntryPoint.commence(request, response, exception);
        }
        if (exception instanceof GateAuthentication.Refused refused) {
            if (refused.refusal() == null) {
                write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "urn:iusign:problem:gate-unavailable",
                        "Access cannot be checked right now", refused.getError().getDescription());
            } else {
                write(request, response, HttpStatus.valueOf(refused.refusal().status()), refused.refusal().type(),
                        refused.refusal().title(), refused.getError().getDescription());
            }
        } else if (exception instanceof OAuth2AuthenticationException invalid) {
            String description = invalid.getError().getDescription();
            write(request, response, HttpStatus.UNAUTHORIZED, TYPE_INVALID_TOKEN, "Invalid bearer token",
                    description == null ? invalid.getError().getErrorCode() : description);
        } else {
            write(request, response, HttpStatus.UNAUTHORIZED, TYPE_UNAUTHENTICATED, "Authentication required",
                    "This endpoint requires a bearer token: get one from POST /oauth2/token with an admin API"
                            + " client's id and secret (grant_type=client_credentials)");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearerAccessDenied.handle(request, response, exception);
        write(request, response, HttpStatus.FORBIDDEN, TYPE_FORBIDDEN, "SuperAdmin authority required",
                "The token is valid but does not carry the SUPERADMIN role that this endpoint requires");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                              String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
