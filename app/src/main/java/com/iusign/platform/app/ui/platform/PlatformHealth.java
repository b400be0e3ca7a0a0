package com.iusign.platform.app.ui.platform;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.stereotype.Service;

import java.util.List;

/** The health of what the platform stands on, as the Platform view shows it. */
@Service
class PlatformHealth {

    record Check(String name, String component, String status) {

        boolean isUp() {
            return "UP".equals(status);
        }
    }

    private final HealthEndpoint health;

    PlatformHealth(HealthEndpoint health) {
        this.health = health;
    }

    List<Check> checks() {
        return List.of(check("PostgreSQL", "db"), check("Redis", "redis"));
    }

    private Check check(String name, String component) {
        HealthDescriptor descriptor = health.healthForPath(component);
        return new Check(name, component, descriptor == null ? "UNKNOWN" : descriptor.getStatus().getCode());
    }
}
