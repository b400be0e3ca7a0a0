package com.iusign.platform.lifecycle;

/**
 * A subscription plan and its quotas, held as data in the {@code plan} table: seats, envelopes
 * sent per calendar month, and the tenant API's sustained rate (requests per second) and burst.
 */
public record Plan(String code, String name, int seatLimit, int monthlyEnvelopeLimit, int apiRequestsPerSecond, int apiBurst) {
}
