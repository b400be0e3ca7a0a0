package com.iusign.platform.security.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ClientThrottle} in front of Spring Security's filter chains, after the request context is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThrottleProperties.class)
class ClientThrottleConfiguration {

    @Bean
    FilterRegistrationBean<ClientThrottle> clientThrottle(TokenBuckets buckets, ThrottleProperties limits) {
        FilterRegistrationBean<ClientThrottle> registration = new FilterRegistrationBean<>(new ClientThrottle(buckets, limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
