package com.iusign.platform.domains.internal;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * Opens a TLS connection and records the certificate chain the server presents, whatever its
 * quality: judging the chain is the caller's job, so this handshake trusts anything and sends
 * nothing after it.
 */
public final class TlsProbe {

    /** The chain presented, or why there is none. */
    public record Result(List<X509Certificate> chain, String error) {

        public boolean connected() {
            return error.isEmpty();
        }
    }

    private TlsProbe() {
    }

    public static Result probe(String serverName, String address, int port, Duration timeout) {
        X509Certificate[][] presented = new X509Certificate[1][];
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                presented[0] = chain;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, port, false)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
                tls.setSSLParameters(parameters);
                tls.startHandshake();
            }
            return presented[0] == null ? new Result(List.of(), "the server presented no certificate")
                    : new Result(List.of(presented[0]), "");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return new Result(List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
