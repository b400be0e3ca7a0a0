package com.iusign.platform.kernel.web;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
import java.util.Map;

/**
 * Resolves a handler's {@link Change}: the authenticated caller as actor (every admin API caller is
 * an API client), reason and ticket from the request body, and the {@code X-Correlation-Id} header —
 * or a fresh id when it is missing or malformed — echoed on the response so a script can find its
 * audit entry. A body that is also bound with {@code @RequestBody} must implement
 * {@link ChangeRequest} and be declared before the {@code Change}; a handler without one may take
 * an optional JSON body {@code {"reason", "ticket"}}. The correlation id follows {@link CorrelationIds}.
 */
final class ChangeArgumentResolver implements HandlerMethodArgumentResolver {

    private final JsonMapper json;

    ChangeArgumentResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Change.class;
    }

    @Override
    public Change resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer, NativeWebRequest webRequest,
                                  @Nullable WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Principal caller = webRequest.getUserPrincipal();
        if (request == null || caller == null) {
            throw new IllegalStateException("A Change needs an authenticated caller; " + parameter.getExecutable() + " is not behind the admin chain");
        }
        String[] reasonAndTicket = reasonAndTicket(parameter, request);
        String reason = reasonAndTicket[0];
        if (reason == null && parameter.hasParameterAnnotation(DefaultReason.class)) {
            reason = parameter.getParameterAnnotation(DefaultReason.class).value();
        }
        String correlationId = CorrelationIds.of(request.getHeader(CorrelationIds.HEADER));
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (response != null) {
            response.setHeader(CorrelationIds.HEADER, correlationId);
        }
        return new Change(Actor.apiClient(caller.getName()), reason, reasonAndTicket[1], correlationId);
    }

    private @Nullable String[] reasonAndTicket(MethodParameter parameter, HttpServletRequest request) throws IOException {
        Object captured = request.getAttribute(ChangeBodyCapture.ATTRIBUTE);
        if (captured instanceof ChangeRequest body) {
            return new String[] {body.reason(), body.ticket()};
        }
        if (captured != null) {
            return new String[2];
        }
        if (Arrays.stream(parameter.getExecutable().getParameters()).anyMatch(p -> p.isAnnotationPresent(RequestBody.class))) {
            throw new IllegalStateException(parameter.getExecutable() + ": declare the @RequestBody (a ChangeRequest) before the Change");
        }
        return optionalBody(request);
    }

    /** A handler without a body parameter: an empty body is allowed, anything else must be the small JSON object. */
    private @Nullable String[] optionalBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(4097);
            if (bytes.length == 0) {
                return new String[2];
            }
            if (bytes.length > 4096) {
                throw new InvalidInput(Map.of("body", "at most 4 KB: {\"reason\", \"ticket\"}"));
            }
            JsonNode body = readObject(bytes);
            return new String[] {text(body, "reason"), text(body, "ticket")};
        }
    }

    private JsonNode readObject(byte[] bytes) {
        try {
            JsonNode body = json.readTree(bytes);
            if (body.isObject()) {
                return body;
            }
        } catch (RuntimeException notJson) {
            // answered below, like any unreadable body
        }
        throw new InvalidInput(Map.of("body", "not readable JSON of the expected shape"),
                "The request body is not the JSON this endpoint expects: {\"reason\": \"…\", \"ticket\": \"…\"}");
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw InvalidInput.of(field, "must be a string");
        }
        return value.asString();
    }
}
