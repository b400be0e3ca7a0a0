package com.iusign.platform.security;

/**
 * Signs documents the platform hands out (audit export manifests, destruction records) as compact
 * JWS (ES256) with the current platform signing key: anyone verifies them offline with the public
 * keys at {@code /oauth2/jwks} (the {@code kid} header names the key). The {@code typ} header says
 * what the document is, so a signed manifest cannot pass for a token or a destruction record.
 */
public interface DocumentSigner {

    /** @param type the JWS {@code typ} header, e.g. {@code iusign-audit-export+json}; {@code payloadJson} a JSON object */
    String sign(String type, String payloadJson);
}
