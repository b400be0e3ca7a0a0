package com.iusign.platform.security.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.util.Collection;

/**
 * Keys, encoder and decoder of the admin API tokens. The decoder verifies the platform's own
 * tokens unless an external issuer is configured with the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties, in which case Spring Boot's
 * decoder takes over.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminApiProperties.class, SignInProperties.class, BootstrapProperties.class})
class AdminApiTokenConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(SignInProperties signIn) {
        return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), signIn.passwordCheckPermits(),
                signIn.passwordCheckWait());
    }

    @Bean
    JwtEncoder adminApiJwtEncoder(PlatformSigningKeys keys) {
        JWKSource<SecurityContext> signingKey = (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
        return new NimbusJwtEncoder(signingKey);
    }

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == ''"
            + " and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
    JwtDecoder adminApiJwtDecoder(PlatformSigningKeys keys, AdminApiProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSource<SecurityContext> publicKeys = (JWKSelector selector, SecurityContext context) -> keys.verificationKeys(selector);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, publicKeys));
        // Spring validates the claims below with messages a caller can act on; Nimbus would only repeat them.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                PlatformTokenValidators.issuedBy(properties.issuer()), audience));
        return decoder;
    }
}
