package com.iusign.platform.app.ui.platform;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import com.iusign.platform.security.GateMetrics;
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
    private final GateMetrics gate;

    PlatformHealth(HealthEndpoint health, GateMetrics gate) {
        this.health = health;
        this.gate = gate;
    }

    List<Check> checks() {
        // The gate never fails open: without its Redis subscription it reads PostgreSQL, slower but exact.
        Check gateCheck = new Check("Access gate", "gate", gate.nearCacheLive() ? "UP" : "READING POSTGRESQL");
        return List.of(check("PostgreSQL", "db"), check("Redis", "redis"), gateCheck);
    }

    private Check check(String name, String component) {
        HealthDescriptor descriptor = health.healthForPath(component);
        return new Check(name, component, descriptor == null ? "UNKNOWN" : descriptor.getStatus().getCode());
    }
}
