package com.iusign.platform.security.internal;

import com.iusign.platform.security.DocumentSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import org.springframework.stereotype.Component;

/** {@link DocumentSigner} with the platform's token signing key (the same keys {@code /oauth2/jwks} publishes). */
@Component
class JwsDocumentSigner implements DocumentSigner {

    private final PlatformSigningKeys keys;

    JwsDocumentSigner(PlatformSigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String sign(String type, String payloadJson) {
        ECKey key = keys.signingKey();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType(type)).build(),
                new Payload(payloadJson));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The platform signing key could not sign a " + type + " document", e);
        }
        return jws.serialize();
    }
}
