package com.iusign.platform.identity.web;

import com.iusign.platform.identity.RecoveryCases;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/recovery/veto}: the one-time veto link an owner or admin got by mail,
 * no account needed. An unknown, used, expired or foreign token gets one and the same 400.
 * The password-reset link of a completed case is spent at {@code POST /api/v1/auth/activate}.
 */
@RestController
class PublicRecoveryController {

    record Veto(@Nullable String token) {
    }

    private final RecoveryCases cases;

    PublicRecoveryController(RecoveryCases cases) {
        this.cases = cases;
    }

    @PostMapping("/api/public/recovery/veto")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void veto(@RequestBody Veto body) {
        cases.veto(body.token());
    }
}
