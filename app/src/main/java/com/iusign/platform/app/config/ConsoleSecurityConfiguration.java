package com.iusign.platform.app.config;

import com.iusign.platform.app.ui.login.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The console's filter chain, after the security module's stateless API chains: Vaadin's
 * configurer with the local SuperAdmin login view, or, when a standard
 * {@code spring.security.oauth2.client.registration.*} is configured, sign-in through that
 * OpenID Connect provider (see {@link OidcSuperAdminAuthorities} for who becomes a SuperAdmin).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /**
     * The console's and the signing page's content security policy. Vaadin's client needs inline
     * scripts and styles and {@code eval} (it runs server-sent JavaScript through
     * {@code new Function}); everything else is this origin only, no plugins, no framing by other
     * sites, and forms post only here. The signing page frames its PDF from this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
            + " frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    @Bean
    @Order(10)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        Optional<String> oidcRegistration = Optional.ofNullable(registrations.getIfAvailable()).flatMap(ConsoleSecurityConfiguration::first);
        http.headers(headers -> headers
                .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                // Sent on HTTPS requests only (browsers ignore it over HTTP); behind a TLS proxy that needs the forwarded-headers setting.
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)))
                .addFilterBefore(new SameOriginSignIn(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> oidcRegistration.ifPresentOrElse(
                        registrationId -> vaadin.oauth2LoginPage("/oauth2/authorization/" + registrationId),
                        () -> vaadin.loginView(LoginView.class)))
                .build();
    }

    private static Optional<String> first(ClientRegistrationRepository repository) {
        if (repository instanceof Iterable<?> all) {
            return StreamSupport.stream(all.spliterator(), false)
                    .map(registration -> ((ClientRegistration) registration).getRegistrationId())
                    .findFirst();
        }
        return Optional.empty();
    }
}
