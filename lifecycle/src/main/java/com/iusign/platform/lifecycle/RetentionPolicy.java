package com.iusign.platform.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code iusign.retention.days} ({@code IUSIGN_RETENTION_DAYS}, default 30): how long a deactivated
 * tenant's data is kept before the purge; a tenant's own window can only be longer.
 */
@ConfigurationProperties("iusign.retention")
public record RetentionPolicy(@DefaultValue("30") int days) {

    public static final int MAX_DAYS = 3650;

    public RetentionPolicy {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("IUSIGN_RETENTION_DAYS must be 1 to " + MAX_DAYS + ", not " + days);
        }
    }

    public Duration window() {
        return Duration.ofDays(days);
    }
}
