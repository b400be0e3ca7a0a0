package com.iusign.platform.lifecycle;

/** Where a tenant's subscription stands with billing; independent of its operational status. */
public enum SubscriptionStatus {
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED;

    /** The one label the console shows everywhere: "Past due", "Trialing". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
