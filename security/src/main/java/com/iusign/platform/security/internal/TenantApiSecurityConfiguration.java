package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateRefusal;
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
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
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
                                             TenantRateLimiter limiter, GateDecisions decisions) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http
                .securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.authenticationManager(authentication(verified, gate, limiter, decisions)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Decoder and gate in a manager of their own: Spring's shared one publishes an authentication event per request,
     * each dispatched through the event multicaster with the SuperAdmin sign-in's SpEL conditions (≈4% of a request's
     * CPU in issue 15's profile), for listeners that only ever want password sign-ins.
     */
    private static AuthenticationManager authentication(VerifiedTokens verified, AccessGate gate, TenantRateLimiter limiter,
                                                        GateDecisions decisions) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(counted(verified, decisions));
        provider.setJwtAuthenticationConverter(new GateAuthentication(gate, limiter, decisions));
        return new ProviderManager(provider);
    }

    /** The decoder's refusals are the gate's too: counted as {@code invalid-token} before Spring answers 401. */
    private static JwtDecoder counted(VerifiedTokens verified, GateDecisions decisions) {
        return token -> {
            try {
                return verified.decode(token);
            } catch (JwtException e) {
                decisions.refused(GateRefusal.INVALID_TOKEN);
                throw e;
            }
        };
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
