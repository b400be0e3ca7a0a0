package com.iusign.platform.security.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A loopback server that speaks the KMS JSON protocol ({@code X-Amz-Target: TrentService.*},
 * {@code application/x-amz-json-1.1}) for the operations the platform uses, so that the real AWS
 * SDK client runs against it on the wire: it verifies each request's SigV4 signature against the
 * one credential it knows (a client with another secret gets {@code InvalidSignatureException}),
 * keeps keys with generations of real AES-GCM material, binds ciphertexts to their key and
 * encryption context like KMS (another context: {@code InvalidCiphertextException}; another key:
 * {@code IncorrectKeyException}), refuses operations on keys pending deletion with
 * {@code KMSInvalidStateException}, and can be told to throttle or fail the next requests.
 */
final class LoopbackKms implements AutoCloseable {

    static final String ACCESS_KEY = "AKIAIUSIGNLOOPBACK01";
    static final String SECRET_KEY = "loopback-secret-key-for-sigv4-verification";
    static final String REGION = "eu-central-1";
    private static final String ACCOUNT = "111122223333";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean raceNextAlias;

    /** One request as the server saw it: the operation, its JSON body, and the answer's error code (null when it succeeded). */
    record Call(String operation, JsonNode body, String error) {
    }

    private static final class Key {
        final String id = UUID.randomUUID().toString();
        final Instant created = Instant.now();
        final List<byte[]> material = new CopyOnWriteArrayList<>();
        final List<Instant> rotations = new CopyOnWriteArrayList<>();
        volatile String state = "Enabled";
        volatile Instant deletionDate;
        volatile boolean rotationEnabled;
        String description;
        Map<String, String> tags = Map.of();

        String arn() {
            return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + id;
        }
    }

    private static final class KmsError extends RuntimeException {
        final String type;

        KmsError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    LoopbackKms() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** The next {@code count} requests are answered {@code ThrottlingException} (HTTP 400), as KMS does over its quota. */
    void throttleNext(int count) {
        throttleNext.set(count);
    }

    /** The next {@code count} requests are answered {@code KMSInternalException} (HTTP 500). */
    void failNext(int count) {
        failNext.set(count);
    }

    /**
     * The next {@code CreateAlias} loses a race: another instance's key takes the alias first, as
     * when two instances create a tenant's key at the same moment.
     */
    void raceNextAlias() {
        raceNextAlias = true;
    }

    /** Changes a key's state behind the platform's back (e.g. an operator disabling it in the AWS console). */
    void setState(String keyIdOrAlias, String state) {
        key(keyIdOrAlias).state = state;
    }

    String keyIdOfAlias(String alias) {
        return aliases.get(alias);
    }

    Map<String, String> tagsOf(String keyId) {
        return key(keyId).tags;
    }

    boolean rotationEnabled(String keyId) {
        return key(keyId).rotationEnabled;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        int status = 200;
        String error = null;
        byte[] answer;
        try {
            verifySignature(exchange, body);
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new KmsError("ThrottlingException", "Rate exceeded");
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                throw new KmsError("KMSInternalException", "The request processing has failed because of an unknown error");
            }
            answer = JSON.writeValueAsBytes(dispatch(operation, request));
        } catch (KmsError e) {
            status = status == 500 ? 500 : 400;
            error = e.type;
            ObjectNode problem = JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage());
            answer = JSON.writeValueAsBytes(problem);
        }
        calls.add(new Call(operation, request, error));
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private ObjectNode dispatch(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateKey" -> createKey(request);
            case "CreateAlias" -> createAlias(request);
            case "DescribeKey" -> JSON.createObjectNode().set("KeyMetadata", metadata(key(text(request, "KeyId"))));
            case "EnableKeyRotation" -> {
                enabled(key(text(request, "KeyId"))).rotationEnabled = true;
                yield JSON.createObjectNode();
            }
            case "RotateKeyOnDemand" -> {
                Key key = enabled(key(text(request, "KeyId")));
                key.material.add(newMaterial());
                key.rotations.add(Instant.now());
                yield JSON.createObjectNode().put("KeyId", key.id);
            }
            case "ListKeyRotations" -> listRotations(key(text(request, "KeyId")));
            case "GenerateDataKey" -> {
                Key key = enabled(key(text(request, "KeyId")));
                byte[] plaintext = new byte[32];
                random.nextBytes(plaintext);
                yield JSON.createObjectNode().put("KeyId", key.arn())
                        .put("Plaintext", Base64.getEncoder().encodeToString(plaintext))
                        .put("CiphertextBlob", Base64.getEncoder().encodeToString(encrypt(key, plaintext, context(request, "EncryptionContext"))));
            }
            case "Encrypt" -> {
                Key key = enabled(key(text(request, "KeyId")));
                yield JSON.createObjectNode().put("KeyId", key.arn()).put("CiphertextBlob", Base64.getEncoder().encodeToString(
                        encrypt(key, blob(request, "Plaintext"), context(request, "EncryptionContext"))));
            }
            case "Decrypt" -> {
                byte[] ciphertext = blob(request, "CiphertextBlob");
                Key key = keyOf(ciphertext, request.has("KeyId") ? key(text(request, "KeyId")) : null);
                yield JSON.createObjectNode().put("KeyId", key.arn()).put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                        .put("Plaintext", Base64.getEncoder().encodeToString(decrypt(key, ciphertext, context(request, "EncryptionContext"))));
            }
            case "ReEncrypt" -> {
                byte[] ciphertext = blob(request, "CiphertextBlob");
                Key source = keyOf(ciphertext, request.has("SourceKeyId") ? key(text(request, "SourceKeyId")) : null);
                byte[] plaintext = decrypt(source, ciphertext, context(request, "SourceEncryptionContext"));
                Key destination = enabled(key(text(request, "DestinationKeyId")));
                yield JSON.createObjectNode().put("SourceKeyId", source.arn()).put("KeyId", destination.arn())
                        .put("CiphertextBlob", Base64.getEncoder().encodeToString(
                                encrypt(destination, plaintext, context(request, "DestinationEncryptionContext"))));
            }
            case "ScheduleKeyDeletion" -> {
                Key key = key(text(request, "KeyId"));
                if (key.state.equals("PendingDeletion")) {
                    throw new KmsError("KMSInvalidStateException", key.arn() + " is pending deletion.");
                }
                int days = request.path("PendingWindowInDays").asInt(30);
                if (days < 7 || days > 30) {
                    throw new KmsError("ValidationException", "PendingWindowInDays must be between 7 and 30");
                }
                key.state = "PendingDeletion";
                key.deletionDate = Instant.now().plus(Duration.ofDays(days));
                yield JSON.createObjectNode().put("KeyId", key.arn()).put("KeyState", key.state)
                        .put("DeletionDate", key.deletionDate.getEpochSecond()).put("PendingWindowInDays", days);
            }
            default -> throw new KmsError("UnknownOperationException", "Operation " + operation + " is not served by the loopback KMS");
        };
    }

    private ObjectNode createKey(JsonNode request) {
        Key key = new Key();
        key.material.add(newMaterial());
        key.description = request.path("Description").asString("");
        Map<String, String> tags = new TreeMap<>();
        request.path("Tags").forEach(tag -> tags.put(tag.path("TagKey").asString(), tag.path("TagValue").asString()));
        key.tags = Map.copyOf(tags);
        keys.put(key.id, key);
        return JSON.createObjectNode().set("KeyMetadata", metadata(key));
    }

    private ObjectNode createAlias(JsonNode request) {
        String alias = text(request, "AliasName");
        Key key = key(text(request, "TargetKeyId"));
        if (raceNextAlias) {
            raceNextAlias = false;
            Key competitor = new Key();
            competitor.material.add(newMaterial());
            competitor.description = "created by another instance";
            keys.put(competitor.id, competitor);
            aliases.put(alias, competitor.id);
        }
        if (aliases.putIfAbsent(alias, key.id) != null) {
            throw new KmsError("AlreadyExistsException", "An alias with the name arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + alias
                    + " already exists");
        }
        return JSON.createObjectNode();
    }

    private ObjectNode listRotations(Key key) {
        ObjectNode answer = JSON.createObjectNode().put("Truncated", false);
        var rotations = answer.putArray("Rotations");
        key.rotations.forEach(at -> rotations.addObject().put("KeyId", key.arn()).put("RotationDate", at.toEpochMilli() / 1000.0)
                .put("RotationType", "ON_DEMAND"));
        return answer;
    }

    private ObjectNode metadata(Key key) {
        ObjectNode metadata = JSON.createObjectNode().put("AWSAccountId", ACCOUNT).put("KeyId", key.id).put("Arn", key.arn())
                .put("CreationDate", key.created.toEpochMilli() / 1000.0).put("Enabled", key.state.equals("Enabled"))
                .put("Description", key.description).put("KeyUsage", "ENCRYPT_DECRYPT").put("KeyState", key.state)
                .put("Origin", "AWS_KMS").put("KeyManager", "CUSTOMER").put("KeySpec", "SYMMETRIC_DEFAULT")
                .put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
        metadata.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
        if (key.deletionDate != null) {
            metadata.put("DeletionDate", key.deletionDate.getEpochSecond());
        }
        return metadata;
    }

    private Key key(String reference) {
        String id = reference;
        if (reference.startsWith("alias/")) {
            id = aliases.get(reference);
        } else if (reference.startsWith("arn:")) {
            id = reference.substring(reference.lastIndexOf('/') + 1);
        }
        Key key = id == null ? null : keys.get(id);
        if (key == null) {
            throw new KmsError("NotFoundException", "Key '" + reference + "' does not exist");
        }
        return key;
    }

    private static Key enabled(Key key) {
        if (!key.state.equals("Enabled")) {
            throw new KmsError(key.state.equals("Disabled") ? "DisabledException" : "KMSInvalidStateException",
                    key.arn() + " is " + (key.state.equals("Disabled") ? "disabled." : "pending deletion."));
        }
        return key;
    }

    /** Ciphertext blob: the key id (36 ASCII bytes), the material generation, a 12-byte nonce, then AES-GCM output. */
    private byte[] encrypt(Key key, byte[] plaintext, String context) {
        int generation = key.material.size() - 1;
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key.material.get(generation), nonce, plaintext, context);
        return ByteBuffer.allocate(36 + 4 + 12 + sealed.length).put(key.id.getBytes(StandardCharsets.US_ASCII)).putInt(generation)
                .put(nonce).put(sealed).array();
    }

    private Key keyOf(byte[] ciphertext, Key expected) {
        if (ciphertext.length < 36 + 4 + 12 + 16) {
            throw new KmsError("InvalidCiphertextException", null);
        }
        Key owner = keys.get(new String(ciphertext, 0, 36, StandardCharsets.US_ASCII));
        if (owner == null) {
            throw new KmsError("InvalidCiphertextException", null);
        }
        if (expected != null && expected != owner) {
            throw new KmsError("IncorrectKeyException", "The key ID in the request does not identify a KMS key that can perform this operation.");
        }
        return enabled(owner);
    }

    private byte[] decrypt(Key key, byte[] ciphertext, String context) {
        int generation = ByteBuffer.wrap(ciphertext, 36, 4).getInt();
        if (generation < 0 || generation >= key.material.size()) {
            throw new KmsError("InvalidCiphertextException", null);
        }
        try {
            return gcm(Cipher.DECRYPT_MODE, key.material.get(generation), Arrays.copyOfRange(ciphertext, 40, 52),
                    Arrays.copyOfRange(ciphertext, 52, ciphertext.length), context);
        } catch (IllegalStateException e) {
            throw new KmsError("InvalidCiphertextException", null);
        }
    }

    private static byte[] gcm(int mode, byte[] material, byte[] nonce, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] newMaterial() {
        byte[] material = new byte[32];
        random.nextBytes(material);
        return material;
    }

    /** The encryption context in canonical form (sorted pairs), authenticated with the ciphertext as KMS does. */
    private static String context(JsonNode request, String field) {
        Map<String, String> pairs = new TreeMap<>();
        request.path(field).properties().forEach(entry -> pairs.put(entry.getKey(), entry.getValue().asString()));
        return pairs.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n"));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        if (value.isMissingNode() || value.asString().isBlank()) {
            throw new KmsError("ValidationException", "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint");
        }
        return value.asString();
    }

    private static byte[] blob(JsonNode request, String field) {
        return Base64.getDecoder().decode(text(request, field));
    }

    /** Recomputes the request's SigV4 signature (canonical request, string to sign, derived key) and compares it. */
    private void verifySignature(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher parts = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches()) {
            throw new KmsError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        if (!ACCESS_KEY.equals(parts.group(1))) {
            throw new KmsError("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        String date = parts.group(2);
        String region = parts.group(3);
        String service = parts.group(4);
        List<String> signedHeaders = List.of(parts.group(5).split(";"));
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (!"kms".equals(service) || amzDate == null || !amzDate.startsWith(date) || !signedHeaders.contains("host")
                || !signedHeaders.contains("x-amz-date")) {
            throw new KmsError("InvalidSignatureException", "The request signature's scope or signed headers are wrong");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String header : signedHeaders) {
            List<String> values = exchange.getRequestHeaders().get(header);
            if (values == null) {
                throw new KmsError("InvalidSignatureException", "Signed header " + header + " is missing");
            }
            canonicalHeaders.append(header).append(':')
                    .append(values.stream().map(value -> value.strip().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                    .append('\n');
        }
        String query = exchange.getRequestURI().getRawQuery();
        String canonicalRequest = String.join("\n", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query == null ? "" : query, canonicalHeaders.toString(), String.join(";", signedHeaders), hex(sha256(body)));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String toSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope, hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] signingKey = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        for (String step : new String[] {region, service, "aws4_request"}) {
            signingKey = hmac(signingKey, step);
        }
        if (!MessageDigest.isEqual(hex(hmac(signingKey, toSign)).getBytes(StandardCharsets.US_ASCII),
                parts.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw new KmsError("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
