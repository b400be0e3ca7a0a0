package com.iusign.platform.identity.web;

import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.security.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.TokenPair;
import com.iusign.platform.security.TenantPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The tenant API's sign-in, refresh, activation, and {@code /api/v1/me} (the smallest call behind the access gate). */
@RestController
class AuthController {

    record SignIn(@Nullable String tenant, @Nullable String email, @Nullable String password) {
    }

    record Refresh(@Nullable String refresh_token) {
    }

    record Activate(@Nullable String token, @Nullable String password) {
    }

    record TokenBody(String access_token, String refresh_token, String token_type, long expires_in) {

        static TokenBody of(TokenPair pair) {
            return new TokenBody(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresInSeconds());
        }
    }

    record MeBody(String userId, String tenantId, String email, List<String> roles) {
    }

    private final TenantSignIn signIn;
    private final TenantUsers users;

    AuthController(TenantSignIn signIn, TenantUsers users) {
        this.signIn = signIn;
        this.users = users;
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<TokenBody> token(@RequestBody SignIn body, HttpServletRequest request) {
        return noStore(TokenBody.of(signIn.signIn(body.tenant(), body.email(), body.password(), ClientAddress.of(request))));
    }

    @PostMapping("/api/v1/auth/refresh")
    ResponseEntity<TokenBody> refresh(@RequestBody Refresh body) {
        return noStore(TokenBody.of(signIn.refresh(body.refresh_token())));
    }

    @PostMapping("/api/v1/auth/activate")
    ResponseEntity<Void> activate(@RequestBody Activate body) {
        users.activate(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    MeBody me(@AuthenticationPrincipal TenantPrincipal caller) {
        return new MeBody(caller.userId().toString(), caller.tenantId().toString(), caller.email(), caller.roles());
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
