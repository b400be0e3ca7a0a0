package com.iusign.platform.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the platform is ready, which mode it runs in and where the console is. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String mode = environment.getProperty("iusign.runtime.mode", "external");
        String url = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? "http://localhost:" + web.getWebServer().getPort() + "/"
                : "(no web server)";
        log.info("IUSign Tenant Management is ready ({} mode: {}). SuperAdmin console: {}", mode,
                "embedded".equals(mode) ? "embedded PostgreSQL/Redis, data under " + environment.getProperty("iusign.embedded.data-directory",
                        "a temporary directory")
                        : "configured PostgreSQL and Redis", url);
    }
}
