package com.iusign.platform.app.config;

import com.iusign.platform.security.PasswordChecksBusy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * An API call that cannot reach PostgreSQL answers 503 with a problem and {@code Retry-After},
 * within the pool's connection timeout ({@code IUSIGN_DB_CONNECTTIMEOUT_MS}, 2 s) — instead of an
 * error page that the console's chain would turn into a redirect to the login page. A password
 * check that found no free slot ({@link PasswordChecksBusy}) is a 503 too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageProblems {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageProblems.class);

    /** A rollback or commit that failed ({@link TransactionSystemException}) lost its connection too. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(PasswordChecksBusy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("urn:iusign:problem:busy"));
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("Database unavailable, answering 503: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The platform's database cannot be reached right now. Retry shortly; if you sent a change, check whether it was"
                        + " saved before sending it again.");
        problem.setType(URI.create("urn:iusign:problem:database-unavailable"));
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
