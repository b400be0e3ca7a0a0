package com.iusign.platform.signing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The signer's API needs no account: the unguessable link token is the credential, checked by
 * {@link com.iusign.platform.signing.SigningLinks}. Stateless, no CSRF (no cookie authenticates
 * it), and framable by the platform's own signing page only.
 */
@Configuration(proxyBeanMethods = false)
class PublicSigningSecurity {

    @Bean
    @Order(4)
    SecurityFilterChain publicSigningChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/public/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'self'")))
                .build();
    }
}
