package com.iusign.platform.identity.web;

import com.iusign.platform.identity.SuperAdminInvitations;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.kernel.web.DefaultReason;
import com.iusign.platform.security.SuperAdminAccount;
import com.iusign.platform.security.SuperAdminAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Admin API: SuperAdmin accounts. An invitation's link is mailed to the invitee only; the answer
 * never carries it.
 */
@RestController
@RequestMapping("/api/admin/superadmins")
class SuperAdminsController {

    record Invite(@Nullable String email, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record Reason(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    private final SuperAdminAccounts accounts;
    private final SuperAdminInvitations invitations;

    SuperAdminsController(SuperAdminAccounts accounts, SuperAdminInvitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @GetMapping
    List<SuperAdminAccount> list() {
        return accounts.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SuperAdminAccount invite(@RequestBody Invite body, @DefaultReason("SuperAdmin invited through the admin API") Change change) {
        return invitations.invite(body.email(), change);
    }

    @PostMapping("/{id}/disable")
    SuperAdminAccount disable(@PathVariable UUID id, @RequestBody Reason body, Change change) {
        return accounts.disable(id, change);
    }

    @PostMapping("/{id}/enable")
    SuperAdminAccount enable(@PathVariable UUID id, @RequestBody Reason body, Change change) {
        return accounts.enable(id, change);
    }
}
