package com.iusign.platform.security;

import com.iusign.platform.kernel.Busy;

/** Every password check slot stayed taken while this one waited: the caller should answer 503 and have the client retry. */
public class PasswordChecksBusy extends Busy {

    public PasswordChecksBusy() {
        super("Sign-ins are busy right now; retry in a few seconds");
    }
}
