package com.iusign.platform.identity;

/** What a successful sign-in or refresh returns: an access token and the next refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "TokenPair[expiresInSeconds=" + expiresInSeconds + "]";
    }
}
