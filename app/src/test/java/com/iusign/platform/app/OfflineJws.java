package com.iusign.platform.app;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

/**
 * Verifies the platform's signed documents the way an outsider would: the JDK alone (ECDSA P-256
 * in P1363 form) and the JWKS from {@code /oauth2/jwks}; no platform code.
 */
public final class OfflineJws {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfflineJws() {
    }

    /** The payload of a compact ES256 JWS of {@code type}; {@link AssertionError} naming what does not hold. */
    public static JsonNode verify(String jws, String jwks, String type) throws Exception {
        String[] parts = jws.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS");
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"ES256".equals(header.path("alg").asString()) || !type.equals(header.path("typ").asString())) {
            throw new AssertionError("not a " + type + " document");
        }
        JsonNode key = null;
        for (JsonNode candidate : JSON.readTree(jwks).get("keys")) {
            if (candidate.get("kid").asString().equals(header.path("kid").asString())) {
                key = candidate;
            }
        }
        if (key == null) {
            throw new AssertionError("the signing key is not published at /oauth2/jwks");
        }
        Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
        ecdsa.initVerify(p256(key));
        ecdsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        boolean valid;
        try {
            valid = ecdsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException | java.security.SignatureException e) {
            valid = false;
        }
        if (!valid) {
            throw new AssertionError("the signature does not verify");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static PublicKey p256(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y").asString())));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
