package com.iusign.platform.security.internal;

import com.iusign.platform.security.PlatformAuthorities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The stateless filter chains in front of the console's: the token endpoint (open, its own
 * client authentication) and the admin API with the actuator (bearer JWT with the SuperAdmin
 * role, except the health probes and metrics that orchestrators and scrapers read, and the
 * OpenAPI description). Everything
 * else falls through to the console's chain in the app module.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpointFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(AdminTokenEndpoint.TOKEN_PATH, AdminTokenEndpoint.JWKS_PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, AdminApiProperties properties) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http
                .securityMatcher("/api/admin/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().hasRole(PlatformAuthorities.SUPERADMIN))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authorities(properties)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    private static JwtAuthenticationConverter authorities(AdminApiProperties properties) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.authoritiesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
