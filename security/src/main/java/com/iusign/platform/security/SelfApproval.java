package com.iusign.platform.security;

import com.iusign.platform.kernel.Refusal;

/**
 * Four eyes means two people: the requester, whoever it invited, and the person behind a
 * requesting API client may not decide the request. 403 {@code self-approval}.
 */
public class SelfApproval extends Refusal {

    public SelfApproval(String message) {
        super(403, "self-approval", "A second SuperAdmin must decide this", message);
    }
}
