package com.iusign.platform.lifecycle;

/** A subscription plan and its quotas, held as data in the {@code plan} table. */
public record Plan(String code, String name, int seatLimit, int monthlyEnvelopeLimit) {
}
