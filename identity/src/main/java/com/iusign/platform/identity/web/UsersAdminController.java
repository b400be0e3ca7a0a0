package com.iusign.platform.identity.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.iusign.platform.identity.NewUser;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.UserId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.kernel.web.DefaultReason;
import com.iusign.platform.security.FlushReceipt;
import com.iusign.platform.security.SessionRevocation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admin API: a tenant's users, locking them, and the Global Session Flush of a tenant or one user. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}")
class UsersAdminController {

    record AddUser(@Nullable String email, @Nullable String displayName, @Nullable String role, @Nullable String reason,
                   @Nullable String ticket) implements ChangeRequest {
    }

    record Reason(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    /** Field names are a contract (add, never rename). */
    record UserBody(UUID id, UUID tenantId, String email, String displayName, String role, String status, boolean activated,
                    @Nullable Instant lastSignInAt, Instant createdAt, @Nullable String statusReason, @Nullable String statusChangedBy,
                    @Nullable Instant statusChangedAt) {

        static UserBody of(TenantUser user) {
            return new UserBody(user.id(), user.tenantId(), user.email(), user.displayName(), user.role().name(), user.status().name(),
                    user.activated(), user.lastSignInAt(), user.createdAt(), user.statusReason(), user.statusChangedBy(),
                    user.statusChangedAt());
        }
    }

    /** The new user and its one-time activation token (shown once). */
    record AddedUserBody(@JsonUnwrapped UserBody user, String activationToken, Instant activationExpiresAt) {
    }

    private final TenantUsers users;
    private final SessionRevocation sessions;

    UsersAdminController(TenantUsers users, SessionRevocation sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AddedUserBody add(@PathVariable TenantId tenantId, @RequestBody AddUser body, @DefaultReason("User added through the admin API") Change change) {
        NewUser added = users.add(tenantId, body.email(), body.displayName(), body.role(), change);
        return new AddedUserBody(UserBody.of(added.user()), added.activationToken(), added.activationExpiresAt());
    }

    @GetMapping("/users")
    List<UserBody> list(@PathVariable TenantId tenantId) {
        return users.list(tenantId).stream().map(UserBody::of).toList();
    }

    /** A new activation link, mailed to the user (not answered: the mailbox is the channel); the earlier ones stop working. */
    @PostMapping("/users/{userId}/activation")
    ResentActivationBody resendActivation(@PathVariable TenantId tenantId, @PathVariable UserId userId, @RequestBody Reason body,
                                          Change change) {
        NewUser resent = users.resendActivation(tenantId, userId.value(), change);
        return new ResentActivationBody(resent.user().email(), resent.activationExpiresAt());
    }

    record ResentActivationBody(String mailedTo, Instant activationExpiresAt) {
    }

    @PostMapping("/users/{userId}/lock")
    UserBody lock(@PathVariable TenantId tenantId, @PathVariable UserId userId, @RequestBody Reason body, Change change) {
        return UserBody.of(users.lock(tenantId, userId.value(), change));
    }

    @PostMapping("/users/{userId}/unlock")
    UserBody unlock(@PathVariable TenantId tenantId, @PathVariable UserId userId, @RequestBody Reason body, Change change) {
        return UserBody.of(users.unlock(tenantId, userId.value(), change));
    }

    @PostMapping("/sessions/flush")
    FlushReceipt flushTenant(@PathVariable TenantId tenantId, @RequestBody Reason body, Change change) {
        return sessions.flushTenant(tenantId, change);
    }

    @PostMapping("/users/{userId}/sessions/flush")
    FlushReceipt flushUser(@PathVariable TenantId tenantId, @PathVariable UserId userId, @RequestBody Reason body, Change change) {
        UUID user = users.get(tenantId, userId.value()).id();
        return sessions.flushUser(tenantId, user, change);
    }
}
