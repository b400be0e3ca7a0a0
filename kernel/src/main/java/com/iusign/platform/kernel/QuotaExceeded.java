package com.iusign.platform.kernel;

import java.util.Map;

/** The change would exceed a plan quota ({@code seats}, {@code monthlyEnvelopes}); names it, its limit and the usage. 403 {@code quota-exceeded}. */
public class QuotaExceeded extends Refusal {

    private final String quota;
    private final long limit;
    private final long usage;

    public QuotaExceeded(String quota, long limit, long usage, String message) {
        super(403, "quota-exceeded", "Plan quota exceeded", message);
        this.quota = quota;
        this.limit = limit;
        this.usage = usage;
    }

    public String quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    public long usage() {
        return usage;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("quota", quota, "limit", limit, "usage", usage);
    }
}
