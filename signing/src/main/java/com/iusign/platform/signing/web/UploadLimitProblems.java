package com.iusign.platform.signing.web;

import com.iusign.platform.lifecycle.TenantProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An oversize upload is refused while the request is parsed, before a controller is chosen, so
 * this advice cannot be limited to the envelope controller as {@link SigningProblems} is. The
 * envelope document is the platform's only upload. It must run before Boot's problem-details
 * handler, which would answer the same status without naming the field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblems {

    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = TenantProblems.validation(java.util.Map.of("document", "The document exceeds the 10 MB limit"),
                "The upload exceeds the 10 MB limit");
        problem.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return problem;
    }
}
