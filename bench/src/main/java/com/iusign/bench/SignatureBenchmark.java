package com.iusign.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which signature the platform's tokens should carry (issue 15): ES256 (today), EdDSA (Ed25519) and RS256
 * (2048-bit), side by side in one JVM, interleaved rounds, one thread. Each algorithm signs and verifies
 * the signing input of a token of the platform's shape with the JDK's own provider (what every JOSE
 * library calls underneath); ES256 and RS256 also through Nimbus, the library the platform verifies with
 * (Nimbus verifies Ed25519 only with Google Tink, which the registry here does not serve). Writes
 * {@code bench/target/signature-benchmark.md}.
 * Run: {@code ./mvnw -Pbench -pl bench -am verify -DskipTests -Dbench.main=com.iusign.bench.SignatureBenchmark}.
 */
public final class SignatureBenchmark {

    private interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        long roundMillis = Long.getLong("roundMillis", 2_000);

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair es = ec.generateKeyPair();
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rs = rsa.generateKeyPair();

        JWTClaimsSet claims = platformShapedClaims();
        byte[] esInput = signingInput("ES256", claims);
        byte[] edInput = signingInput("EdDSA", claims);
        byte[] rsInput = signingInput("RS256", claims);
        byte[] esSignature = sign("SHA256withECDSA", es, esInput);
        byte[] edSignature = sign("Ed25519", ed, edInput);
        byte[] rsSignature = sign("SHA256withRSA", rs, rsInput);

        SignedJWT esJwt = nimbusSigned(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) es.getPrivate()), claims);
        SignedJWT rsJwt = nimbusSigned(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) rs.getPrivate()), claims);
        JWSVerifier esVerifier = new ECDSAVerifier((ECPublicKey) es.getPublic());
        JWSVerifier rsVerifier = new RSASSAVerifier((RSAPublicKey) rs.getPublic());
        String esToken = esJwt.serialize();
        String rsToken = rsJwt.serialize();
        String edToken = new String(edInput, StandardCharsets.US_ASCII) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(edSignature);

        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("ES256 verify (JDK)", () -> check(verify("SHA256withECDSA", es, esInput, esSignature)));
        operations.put("EdDSA verify (JDK)", () -> check(verify("Ed25519", ed, edInput, edSignature)));
        operations.put("RS256 verify (JDK)", () -> check(verify("SHA256withRSA", rs, rsInput, rsSignature)));
        operations.put("ES256 sign (JDK)", () -> sign("SHA256withECDSA", es, esInput));
        operations.put("EdDSA sign (JDK)", () -> sign("Ed25519", ed, edInput));
        operations.put("RS256 sign (JDK)", () -> sign("SHA256withRSA", rs, rsInput));
        operations.put("ES256 parse + verify (Nimbus)", () -> check(SignedJWT.parse(esToken).verify(esVerifier)));
        operations.put("RS256 parse + verify (Nimbus)", () -> check(SignedJWT.parse(rsToken).verify(rsVerifier)));

        for (Operation operation : operations.values()) {
            measure(operation, 500);
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        operations.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Operation> entry : operations.entrySet()) {
                rates.get(entry.getKey()).add(measure(entry.getValue(), roundMillis));
            }
        }

        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.vm.name"))
                .append(' ').append(System.getProperty("java.version")).append(". ").append(rounds).append(" interleaved rounds of ")
                .append(roundMillis).append(" ms per operation, one thread.\n\n");
        report.append("| operation | ops/s per thread (median of rounds) | µs per op | rounds |\n|---|---|---|---|\n");
        rates.forEach((name, values) -> {
            double median = values.stream().sorted().toList().get(values.size() / 2);
            report.append("| ").append(name).append(" | ").append(String.format("%,.0f", median)).append(" | ")
                    .append(String.format("%.1f", 1e6 / median)).append(" | ")
                    .append(String.join(" / ", values.stream().map(v -> String.format("%,.0f", v)).toList())).append(" |\n");
        });
        report.append("\n| token | length (characters) |\n|---|---|\n")
                .append("| ES256 | ").append(esToken.length()).append(" |\n")
                .append("| EdDSA | ").append(edToken.length()).append(" |\n")
                .append("| RS256 | ").append(rsToken.length()).append(" |\n");
        Path out = Path.of("target", "signature-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Runs {@code operation} for about {@code millis} ms; operations per second. */
    private static double measure(Operation operation, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long started = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 20; i++) {
                operation.run();
            }
            count += 20;
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    /** The claims the platform's tenant tokens carry (TenantTokens), with values of the real lengths. */
    private static JWTClaimsSet platformShapedClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("http://localhost:8080").audience("iusign-tenant-api")
                .subject(UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                .claim("tid", UUID.randomUUID().toString()).claim("email", "owner@acme-example.test")
                .claim("roles", List.of("OWNER")).claim("iat_ms", now.toEpochMilli())
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(600))).build();
    }

    private static byte[] signingInput(String alg, JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}";
        return (base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    }

    private static SignedJWT nimbusSigned(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(UUID.randomUUID().toString()).build(), claims);
        jwt.sign(signer);
        return jwt;
    }

    private static byte[] sign(String algorithm, KeyPair keys, byte[] input) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(input);
        return signature.sign();
    }

    private static boolean verify(String algorithm, KeyPair keys, byte[] input, byte[] signed) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(keys.getPublic());
        signature.update(input);
        return signature.verify(signed);
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("a signature the benchmark made did not verify");
        }
    }
}
