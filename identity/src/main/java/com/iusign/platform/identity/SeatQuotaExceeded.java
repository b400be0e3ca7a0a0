package com.iusign.platform.identity;

import com.iusign.platform.kernel.QuotaExceeded;

/** Adding a user would exceed the plan's seat limit; nothing was written. */
public class SeatQuotaExceeded extends QuotaExceeded {

    public SeatQuotaExceeded(int limit, long usage) {
        super("seats", limit, usage, "The plan allows " + limit + " seats and " + usage + " are in use: disable a user or move to a larger plan");
    }
}
