package com.iusign.platform.lifecycle.web;

import com.iusign.platform.lifecycle.IllegalTransitionException;
import com.iusign.platform.lifecycle.TenantConflictException;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.lifecycle.TenantValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 answers of the lifecycle API, one stable {@code type} per kind of refusal:
 * {@code validation} (400, with {@code errors} naming each field), {@code not-found} (404),
 * {@code conflict} (409: taken name/slug/domain or stale version, with {@code field}) and
 * {@code illegal-transition} (409, with the current status and the allowed moves).
 */
@RestControllerAdvice(assignableTypes = TenantAdminController.class)
class LifecycleProblems {

    static final URI VALIDATION = URI.create("urn:iusign:problem:validation");
    static final URI NOT_FOUND = URI.create("urn:iusign:problem:not-found");
    static final URI CONFLICT = URI.create("urn:iusign:problem:conflict");
    static final URI ILLEGAL_TRANSITION = URI.create("urn:iusign:problem:illegal-transition");

    @ExceptionHandler
    ProblemDetail invalid(TenantValidationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input", e.getMessage());
        problem.setProperty("errors", e.fieldErrors().entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input",
                "The request body is not the JSON this endpoint expects: check field types (version is a number, texts are strings)");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "not readable JSON of the expected shape")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Tenant not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(TenantConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION, "Status change not allowed", e.getMessage());
        problem.setProperty("currentStatus", e.current().name());
        problem.setProperty("allowed", e.current().allowedTargets().stream().map(TenantStatus::verb).sorted().toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
