package com.iusign.platform.lifecycle;

/** Where a tenant's subscription stands with billing; independent of its operational status. */
public enum SubscriptionStatus {
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED
}
