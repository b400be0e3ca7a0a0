package com.iusign.platform.signing.web;

import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.signing.SigningException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import java.net.URI;
import java.util.Map;

/** RFC 9457 problems of the envelope and signing-link APIs; each refusal kind has its own stable type. */
@RestControllerAdvice(assignableTypes = {EnvelopesController.class, PublicSigningController.class})
class SigningProblems {

    static final URI TENANT_SUSPENDED = URI.create("urn:iusign:problem:tenant-suspended");
    static final URI LINK_GONE = URI.create("urn:iusign:problem:link-unavailable");

    @ExceptionHandler
    ProblemDetail refused(SigningException e) {
        ProblemDetail problem = switch (e.kind()) {
            case VALIDATION -> TenantProblems.validation(e.fieldErrors(), e.getMessage());
            case NOT_FOUND -> TenantProblems.notFound(e.getMessage());
            case CONFLICT -> TenantProblems.of(HttpStatus.CONFLICT, TenantProblems.CONFLICT, "Conflict", e.getMessage());
            case QUOTA_EXCEEDED -> TenantProblems.quotaExceeded((String) e.details().get("quota"), ((Number) e.details().get("limit")).longValue(),
                    ((Number) e.details().get("usage")).longValue(), e.getMessage());
            case TENANT_SUSPENDED -> TenantProblems.of(HttpStatus.LOCKED, TENANT_SUSPENDED, "Temporarily unavailable", e.getMessage());
            case GONE -> TenantProblems.of(HttpStatus.GONE, LINK_GONE, "No longer available", e.getMessage());
        };
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notMultipart(MultipartException e) {
        return TenantProblems.validation(Map.of("body", "Send multipart/form-data with title, document and recipients"),
                "The request is not a readable multipart upload");
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return TenantProblems.unreadableBody();
    }
}
