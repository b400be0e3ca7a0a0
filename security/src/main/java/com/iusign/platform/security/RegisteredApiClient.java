package com.iusign.platform.security;

/**
 * The result of registering an admin API client: the client and its secret in clear text. The
 * platform keeps only a hash, so this is the one moment the secret can be copied.
 */
public record RegisteredApiClient(AdminApiClient client, String secret) {

    @Override
    public String toString() {
        return "RegisteredApiClient[client=" + client + ", secret=***]";
    }
}
