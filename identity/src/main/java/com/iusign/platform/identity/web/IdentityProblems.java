package com.iusign.platform.identity.web;

import com.iusign.platform.identity.SignInRefused;
import com.iusign.platform.identity.UserNotFoundException;
import com.iusign.platform.lifecycle.TenantConflictException;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 9457 answers of the identity endpoints; the same problem types as the lifecycle API, plus the sign-in refusals. */
@RestControllerAdvice(assignableTypes = {AuthController.class, UsersAdminController.class})
class IdentityProblems {

    @ExceptionHandler
    ProblemDetail refused(SignInRefused e) {
        return problem(HttpStatus.valueOf(e.reason().status()), e.reason().type(), "Sign-in refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(TenantValidationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "urn:iusign:problem:validation", "Invalid input", e.getMessage());
        problem.setProperty("errors", e.fieldErrors().entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "urn:iusign:problem:validation", "Invalid input",
                "The request body is not the JSON this endpoint expects");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "not readable JSON of the expected shape")));
        return problem;
    }

    @ExceptionHandler({TenantNotFoundException.class, UserNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "urn:iusign:problem:not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(TenantConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "urn:iusign:problem:conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }
}
