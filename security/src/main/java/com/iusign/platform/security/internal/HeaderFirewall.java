package com.iusign.platform.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Spring's {@link StrictHttpFirewall} with its own rules for header names, header values and parameter names, checked
 * ASCII first: its regexes test every character's Unicode type on every {@code getHeader} call, which over a 570-character
 * bearer token read several times per request was ~12% of a tenant API request's CPU (issue 15's profile). A value with
 * any non-ASCII character goes to the very regex Spring uses, so what is refused does not change.
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

    /** Spring's rule for header and parameter names. */
    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    /** Spring's rule for header values (a tab is allowed too). */
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(asciiFirst(NAMES, false));
        firewall.setAllowedHeaderValues(asciiFirst(VALUES, true));
        firewall.setAllowedParameterNames(asciiFirst(NAMES, false));
        return firewall;
    }

    /** Printable ASCII (and a tab where allowed) passes, an ASCII control fails, anything else is the regex's to decide. */
    static Predicate<String> asciiFirst(Pattern rule, boolean tabAllowed) {
        return value -> {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c >= 0x20 && c < 0x7f) || (tabAllowed && c == '\t')) {
                    continue;
                }
                return c >= 0x80 && rule.matcher(value).matches();
            }
            return true;
        };
    }
}
