package com.iusign.platform.security;

/** A password change was refused because the current password given was not the account's. */
public class WrongCurrentPassword extends IllegalArgumentException {

    public WrongCurrentPassword() {
        super("The current password is not correct");
    }
}
