package com.iusign.platform.app.faults;

import com.iusign.platform.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The main class of a harness instance: the platform's own {@link Application} plus the
 * test-only {@link CrashPoint}, which does nothing unless the instance is started with
 * {@code --faults.crash-after-commit=<marker>}.
 */
public final class FaultInstance {

    private FaultInstance() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(Application.class).sources(CrashPoint.class).run(args);
    }
}
