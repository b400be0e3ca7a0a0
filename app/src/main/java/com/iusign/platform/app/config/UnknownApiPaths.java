package com.iusign.platform.app.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * An API path that no endpoint serves is a 404 problem, not the console's HTML page (which the
 * Vaadin servlet would answer for any path it does not know, telling a script "200 OK"). The
 * catch-all mapping ranks below every concrete endpoint; its own open, stateless chain covers
 * the {@code /api/**} paths that the modules' chains do not (theirs come first).
 */
@Configuration(proxyBeanMethods = false)
@RestController
class UnknownApiPaths {

    @Bean
    @Order(5)
    SecurityFilterChain unknownApiPathsChain(HttpSecurity http) throws Exception {
        return openAndStateless(http, "/api/**");
    }

    /**
     * The error page that an unhandled exception is forwarded to renders for anyone: without this,
     * the console's chain answered an API client's error with a login redirect or a 403.
     */
    @Bean
    @Order(6)
    SecurityFilterChain errorPageChain(HttpSecurity http) throws Exception {
        return openAndStateless(http, "/error");
    }

    /** Nothing behind these paths changes state or needs a session: no CSRF token, no session, no saved request. */
    private static SecurityFilterChain openAndStateless(HttpSecurity http, String paths) throws Exception {
        return http.securityMatcher(paths)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> none(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No API endpoint answers " + request.getMethod() + " " + request.getRequestURI());
        problem.setType(URI.create("urn:iusign:problem:not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
