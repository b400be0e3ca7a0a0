package com.iusign.platform.identity.web;

import com.iusign.platform.identity.SignInRefused;
import com.iusign.platform.identity.SeatQuotaExceeded;
import com.iusign.platform.identity.UserNotFoundException;
import com.iusign.platform.lifecycle.TenantConflictException;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.lifecycle.TenantValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** RFC 9457 answers of the identity endpoints: the tenant problems of {@link TenantProblems}, plus the sign-in refusals. */
@RestControllerAdvice(assignableTypes = {AuthController.class, UsersAdminController.class})
class IdentityProblems {

    @ExceptionHandler
    ProblemDetail refused(SignInRefused e) {
        return TenantProblems.of(HttpStatus.valueOf(e.reason().status()), URI.create(e.reason().type()), "Sign-in refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(TenantValidationException e) {
        return TenantProblems.validation(e);
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return TenantProblems.unreadableBody();
    }

    @ExceptionHandler({TenantNotFoundException.class, UserNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return TenantProblems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail seats(SeatQuotaExceeded e) {
        return TenantProblems.quotaExceeded("seats", e.limit(), e.usage(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(TenantConflictException e) {
        return TenantProblems.conflict(e);
    }
}
