package com.iusign.platform.security.internal;

import com.iusign.platform.security.TenantTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.Collection;
import java.util.Objects;

/**
 * The tenant API's chain ({@code /api/v1/**}): sign-in, refresh and activation are open; every
 * other call needs a tenant access token that passes the decoder (ES256 signature with a platform
 * key, issuer, audience {@value TenantTokens#AUDIENCE}, expiry, required claims) and then the
 * {@link AccessGate}. Only ES256 is accepted, so {@code alg: none} and HMAC confusion fail at the
 * signature check; a token verified once is not verified again until it expires ({@link VerifiedTokens}).
 * The gate runs as the last step of authentication ({@link GateAuthentication}), on every request.
 */
@Configuration(proxyBeanMethods = false)
class TenantApiSecurityConfiguration {

    @Bean
    VerifiedTokens verifiedTenantTokens(PlatformSigningKeys keys, TenantTokens tokens) {
        return new VerifiedTokens(tenantTokenDecoder(keys, tokens.issuer()), Clock.systemUTC());
    }

    @Bean
    @Order(3)
    SecurityFilterChain tenantApiFilterChain(HttpSecurity http, VerifiedTokens verified, AccessGate gate,
                                             TenantRateLimiter limiter) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http
                .securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(verified.decoder())
                                .jwtAuthenticationConverter(new GateAuthentication(gate, limiter)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    static NimbusJwtDecoder tenantTokenDecoder(PlatformSigningKeys keys, String issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> publicKeys = (JWKSelector selector, SecurityContext context) -> keys.verificationKeys(selector);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, publicKeys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                PlatformTokenValidators.issuedBy(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(TenantTokens.AUDIENCE)),
                new JwtClaimValidator<Object>(TenantTokens.TENANT_CLAIM, Objects::nonNull),
                new JwtClaimValidator<Object>(TenantTokens.ISSUED_AT_MILLIS, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.JTI, Objects::nonNull)));
        return decoder;
    }
}
