package com.iusign.platform.identity;

/** Adding a user would exceed the plan's seat limit; nothing was written. */
public class SeatQuotaExceeded extends RuntimeException {

    private final int limit;
    private final long usage;

    public SeatQuotaExceeded(int limit, long usage) {
        super("The plan allows " + limit + " seats and " + usage + " are in use: disable a user or move to a larger plan");
        this.limit = limit;
        this.usage = usage;
    }

    public int limit() {
        return limit;
    }

    public long usage() {
        return usage;
    }
}
