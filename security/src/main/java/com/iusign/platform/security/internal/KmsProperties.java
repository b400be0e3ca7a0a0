package com.iusign.platform.security.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * {@code iusign.keys.aws-kms.*}: without settings the SDK's standard chains decide region
 * ({@code AWS_REGION}, profile …) and credentials (environment, profile, web identity, container
 * and instance roles). {@code endpoint} overrides the KMS endpoint (a VPC endpoint, FIPS, or a
 * test server); {@code access-key-id}/{@code secret-access-key} pin static credentials.
 *
 * @param platformKey        key id, ARN or alias wrapping the platform's own secrets; an alias is created when missing
 * @param deletionWindowDays KMS's pending window when a tenant's key is destroyed (7–30)
 * @param maxAttempts        attempts per call, the first included (the SDK's standard retry mode with back-off)
 */
@ConfigurationProperties("iusign.keys.aws-kms")
record KmsProperties(@Nullable URI endpoint, @Nullable String region, @Nullable String accessKeyId, @Nullable String secretAccessKey,
                     @DefaultValue("alias/iusign/platform") String platformKey, @DefaultValue("30") int deletionWindowDays,
                     @DefaultValue("4") int maxAttempts, @DefaultValue("3s") Duration attemptTimeout,
                     @DefaultValue("15s") Duration callTimeout) {

    KmsClient client() {
        KmsClientBuilder builder = KmsClient.builder()
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        // AWS's standard strategy: exponential back-off with jitter, throttling codes such as ThrottlingException included.
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout)
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.strip()));
        }
        if (accessKeyId != null && !accessKeyId.isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    /** Never the secret: a record's own toString would print it into any log or error that shows the settings. */
    @Override
    public String toString() {
        return "KmsProperties[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                + (secretAccessKey == null ? null : "******") + ", platformKey=" + platformKey + ", deletionWindowDays="
                + deletionWindowDays + ", maxAttempts=" + maxAttempts + "]";
    }

    String describeEndpoint() {
        return endpoint != null ? endpoint.toString() : "region " + (region != null ? region : "from the AWS chain");
    }
}
