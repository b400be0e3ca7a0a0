package com.iusign.platform.app;

import com.iusign.platform.telemetry.DomainResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS for the app's tests: answers from records the tests register and nothing else, so no test
 * ever sends a DNS query off this machine. Picked up by component scan in every app test context.
 */
@Configuration(proxyBeanMethods = false)
public class TestDomainRecords {

    public static final Map<String, List<String>> ADDRESSES = new ConcurrentHashMap<>(Map.of("localhost", List.of("127.0.0.1")));
    public static final Map<String, List<String>> CNAMES = new ConcurrentHashMap<>();
    public static final Map<String, List<String>> TXT = new ConcurrentHashMap<>();

    @Bean
    DomainResolver testDomainResolver() {
        return new DomainResolver() {
            @Override
            public List<String> addresses(String name) {
                return ADDRESSES.getOrDefault(name, List.of());
            }

            @Override
            public List<String> cnames(String name) {
                return CNAMES.getOrDefault(name, List.of());
            }

            @Override
            public List<String> txt(String name) {
                return TXT.getOrDefault(name, List.of());
            }
        };
    }
}
