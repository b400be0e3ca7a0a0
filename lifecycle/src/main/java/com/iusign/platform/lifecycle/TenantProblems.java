package com.iusign.platform.lifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problems for the tenant-related refusals, one stable {@code type} each, shared by every
 * module's admin API so that a script sees the same shape wherever it calls.
 */
public final class TenantProblems {

    public static final URI VALIDATION = URI.create("urn:iusign:problem:validation");
    public static final URI NOT_FOUND = URI.create("urn:iusign:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:iusign:problem:conflict");
    public static final URI ILLEGAL_TRANSITION = URI.create("urn:iusign:problem:illegal-transition");
    public static final URI QUOTA_EXCEEDED = URI.create("urn:iusign:problem:quota-exceeded");

    private TenantProblems() {
    }

    /** 400 with {@code errors: [{field, message}]}. */
    public static ProblemDetail validation(Map<String, String> fieldErrors, String detail) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input", detail);
        problem.setProperty("errors", fieldErrors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return problem;
    }

    public static ProblemDetail validation(TenantValidationException e) {
        return validation(e.fieldErrors(), e.getMessage());
    }

    public static ProblemDetail unreadableBody() {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input",
                "The request body is not the JSON this endpoint expects: check field types (version is a number, texts are strings)");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "not readable JSON of the expected shape")));
        return problem;
    }

    public static ProblemDetail notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail);
    }

    /** 409 with {@code field} when the conflict concerns one. */
    public static ProblemDetail conflict(TenantConflictException e) {
        ProblemDetail problem = of(HttpStatus.CONFLICT, CONFLICT, "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    /** 403 naming the plan quota ({@code seats}, {@code monthlyEnvelopes}), its limit and the current usage. */
    public static ProblemDetail quotaExceeded(String quota, long limit, long usage, String detail) {
        ProblemDetail problem = of(HttpStatus.FORBIDDEN, QUOTA_EXCEEDED, "Plan quota exceeded", detail);
        problem.setProperty("quota", quota);
        problem.setProperty("limit", limit);
        problem.setProperty("usage", usage);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
