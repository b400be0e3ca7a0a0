package com.iusign.platform.mail;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Absolute links for mail: the console's public address ({@code iusign.public-url}, e.g.
 * {@code https://admin.iusign.example}); without it, this instance's own port on localhost — right
 * for the embedded default, wrong behind a load balancer (set it there).
 */
@Component
public class PublicLinks {

    private final Environment environment;

    PublicLinks(Environment environment) {
        this.environment = environment;
    }

    /** {@code path} with the one query parameter {@code name=value}, encoded. */
    public String to(String path, String name, String value) {
        return base() + path + "?" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String base() {
        String configured = environment.getProperty("iusign.public-url");
        if (StringUtils.hasText(configured)) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        // The port the server really listens on (server.port=0 picks one at start-up).
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
