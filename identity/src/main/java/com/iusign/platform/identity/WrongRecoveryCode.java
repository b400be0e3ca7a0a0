package com.iusign.platform.identity;

import com.iusign.platform.kernel.Refusal;

import java.util.Map;

/** The code read back does not match, or has expired: 422 {@code wrong-code}, with the attempts left before the case locks. */
public class WrongRecoveryCode extends Refusal {

    private final int attemptsLeft;

    WrongRecoveryCode(String message, int attemptsLeft) {
        super(422, "wrong-code", "The verification code does not match", message);
        this.attemptsLeft = attemptsLeft;
    }

    public int attemptsLeft() {
        return attemptsLeft;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("attemptsLeft", attemptsLeft);
    }
}
