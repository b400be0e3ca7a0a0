package com.iusign.platform.identity.web;

import com.iusign.platform.identity.NewUser;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.lifecycle.Actor;
import com.iusign.platform.lifecycle.Change;
import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantValidationException;
import com.iusign.platform.security.FlushReceipt;
import com.iusign.platform.security.SessionRevocation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin API: a tenant's users, locking them, and the Global Session Flush of a tenant or one user. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}")
class UsersAdminController {

    record AddUser(@Nullable String email, @Nullable String displayName, @Nullable String role, @Nullable String reason) {
    }

    record Reason(@Nullable String reason, @Nullable String ticket) {
    }

    private final TenantUsers users;
    private final SessionRevocation sessions;

    UsersAdminController(TenantUsers users, SessionRevocation sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> add(@PathVariable String tenantId, @RequestBody AddUser body, Principal caller) {
        NewUser added = users.add(tenant(tenantId), body.email(), body.displayName(), body.role(),
                change(caller, body.reason() == null ? "User added through the admin API" : body.reason(), null));
        Map<String, Object> response = new LinkedHashMap<>(userBody(added.user()));
        response.put("activationToken", added.activationToken());
        response.put("activationExpiresAt", added.activationExpiresAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @GetMapping("/users")
    List<Map<String, Object>> list(@PathVariable String tenantId) {
        return users.list(tenant(tenantId)).stream().map(UsersAdminController::userBody).toList();
    }

    @PostMapping("/users/{userId}/lock")
    Map<String, Object> lock(@PathVariable String tenantId, @PathVariable String userId, @RequestBody Reason body, Principal caller) {
        return userBody(users.lock(tenant(tenantId), user(userId), change(caller, body.reason(), body.ticket())));
    }

    @PostMapping("/users/{userId}/unlock")
    Map<String, Object> unlock(@PathVariable String tenantId, @PathVariable String userId, @RequestBody Reason body, Principal caller) {
        return userBody(users.unlock(tenant(tenantId), user(userId), change(caller, body.reason(), body.ticket())));
    }

    @PostMapping("/sessions/flush")
    FlushReceipt flushTenant(@PathVariable String tenantId, @RequestBody Reason body, Principal caller) {
        return sessions.flushTenant(tenant(tenantId), change(caller, body.reason(), body.ticket()));
    }

    @PostMapping("/users/{userId}/sessions/flush")
    FlushReceipt flushUser(@PathVariable String tenantId, @PathVariable String userId, @RequestBody Reason body, Principal caller) {
        TenantId tenant = tenant(tenantId);
        UUID user = users.get(tenant, user(userId)).id();
        return sessions.flushUser(tenant, user, change(caller, body.reason(), body.ticket()));
    }

    static Map<String, Object> userBody(TenantUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("tenantId", user.tenantId());
        body.put("email", user.email());
        body.put("displayName", user.displayName());
        body.put("role", user.role().name());
        body.put("status", user.status().name());
        body.put("activated", user.activated());
        body.put("lastSignInAt", user.lastSignInAt());
        body.put("createdAt", user.createdAt());
        return body;
    }

    private static Change change(Principal caller, @Nullable String reason, @Nullable String ticket) {
        return new Change(Actor.apiClient(caller.getName()), reason, ticket, null);
    }

    private static TenantId tenant(String value) {
        return new TenantId(uuid("tenantId", value));
    }

    private static UUID user(String value) {
        return uuid("userId", value);
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new TenantValidationException(Map.of(field, "'" + value + "' is not an id (a UUID)"));
        }
    }
}
