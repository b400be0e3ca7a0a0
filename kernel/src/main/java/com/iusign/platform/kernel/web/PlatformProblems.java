package com.iusign.platform.kernel.web;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Map;

/**
 * The platform's one mapping of errors to RFC 9457 problem details: every {@link Refusal} by its
 * own status, type and members; unreadable bodies, malformed ids and missing parameters as
 * {@code validation} problems naming the field; a database that cannot be reached as a 503 with
 * {@code Retry-After} (within the pool's connection timeout) instead of an error page. Spring MVC's
 * own exceptions keep the answers of {@link ResponseEntityExceptionHandler}; as the one bean of
 * that type, this advice also stands in for Boot's problem-details handler.
 */
@RestControllerAdvice
class PlatformProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemDetail problem = problem(HttpStatus.valueOf(refusal.status()), refusal.type(), refusal.title(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refusal.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds().toString());
        }
        return answer.body(problem);
    }

    /** The envelope document is the platform's only upload besides small JSON bodies. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
        return refused(new InvalidInput(Map.of("body", "Send multipart/form-data with title, document and recipients"),
                "The request is not a readable multipart upload"));
    }

    /** A rollback or commit that failed ({@link TransactionSystemException}) lost its connection too. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn("Database unavailable, answering 503: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, URI.create("urn:iusign:problem:database-unavailable"),
                "Database unavailable", "The platform's database cannot be reached right now. Retry shortly; if you sent a change,"
                        + " check whether it was saved before sending it again.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return validation(new InvalidInput(Map.of("body", "not readable JSON of the expected shape"),
                "The request body is not the JSON this endpoint expects: check field types (version is a number, texts are strings)"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : TypedIds.describe(ex.getRequiredType());
        return validation(InvalidInput.of(name, "'" + ex.getValue() + "' is not " + expected));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return validation(InvalidInput.of(ex.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        InvalidInput tooLarge = new InvalidInput(Map.of("document", "The document exceeds the 10 MB limit"), "The upload exceeds the 10 MB limit");
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.type(), tooLarge.title(), tooLarge.getMessage());
        tooLarge.properties().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<Object> validation(InvalidInput refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refused(refusal).getBody());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
