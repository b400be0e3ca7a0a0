package com.iusign.platform.lifecycle.web;

import com.iusign.platform.lifecycle.IllegalTransitionException;
import com.iusign.platform.lifecycle.TenantConflictException;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.lifecycle.TenantValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers of the lifecycle API (see {@link TenantProblems}): {@code validation} (400),
 * {@code not-found} (404), {@code conflict} (409: taken name/slug/domain or stale version) and
 * {@code illegal-transition} (409, with the current status and the allowed moves).
 */
@RestControllerAdvice(assignableTypes = TenantAdminController.class)
class LifecycleProblems {

    @ExceptionHandler
    ProblemDetail invalid(TenantValidationException e) {
        return TenantProblems.validation(e);
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return TenantProblems.unreadableBody();
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantNotFoundException e) {
        return TenantProblems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(TenantConflictException e) {
        return TenantProblems.conflict(e);
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = TenantProblems.of(HttpStatus.CONFLICT, TenantProblems.ILLEGAL_TRANSITION, "Status change not allowed",
                e.getMessage());
        problem.setProperty("currentStatus", e.current().name());
        problem.setProperty("allowed", e.current().allowedTargets().stream().map(TenantStatus::verb).sorted().toList());
        return problem;
    }
}
