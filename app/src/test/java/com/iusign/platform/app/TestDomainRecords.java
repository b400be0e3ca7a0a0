package com.iusign.platform.app;

import com.iusign.platform.domains.DomainResolver;
import com.iusign.platform.domains.StaticDomainResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DNS for the app's tests: answers from records the tests register and nothing else, so no test
 * ever sends a DNS query off this machine. Picked up by component scan in every app test context.
 */
@Configuration(proxyBeanMethods = false)
public class TestDomainRecords {

    public static final StaticDomainResolver DNS = new StaticDomainResolver().putAddresses("localhost", "127.0.0.1");

    @Bean
    DomainResolver testDomainResolver() {
        return DNS;
    }
}
