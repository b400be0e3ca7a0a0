package com.iusign.platform.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code iusign.signing.*}: how long a signing link lives ({@code link-ttl}, default 30 days)
 * and the largest document accepted ({@code max-document-bytes}, default 10 MB).
 */
@ConfigurationProperties("iusign.signing")
public record SigningProperties(Duration linkTtl, int maxDocumentBytes) {

    public SigningProperties {
        linkTtl = linkTtl == null ? Duration.ofDays(30) : linkTtl;
        maxDocumentBytes = maxDocumentBytes <= 0 ? 10 * 1024 * 1024 : maxDocumentBytes;
    }
}
