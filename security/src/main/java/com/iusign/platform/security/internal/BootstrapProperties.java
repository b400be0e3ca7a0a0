package com.iusign.platform.security.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start accounts, bound from {@code IUSIGN_BOOTSTRAP_ADMIN_EMAIL},
 * {@code IUSIGN_BOOTSTRAP_ADMIN_PASSWORD}, {@code IUSIGN_BOOTSTRAP_API_CLIENT_ID} and
 * {@code IUSIGN_BOOTSTRAP_API_CLIENT_SECRET} (or the matching {@code iusign.bootstrap.*} properties).
 */
@ConfigurationProperties("iusign.bootstrap")
record BootstrapProperties(@DefaultValue Admin admin, @DefaultValue Api api) {

    record Admin(@Nullable String email, @Nullable String password) {
    }

    record Api(@DefaultValue Client client) {
    }

    record Client(@Nullable String id, @Nullable String secret) {
    }
}
