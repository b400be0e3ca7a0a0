package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Admin API: four-eyes requests. {@code GET} lists the pending ones; approve carries a request out
 * (403 {@code self-approval} for its requester's person, 409 when decided or expired), reject
 * closes it (its requester cancels).
 */
@RestController
@RequestMapping("/api/admin/approvals")
class ApprovalsController {

    record Decision(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    private final Approvals approvals;

    ApprovalsController(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    List<Approval> pending() {
        return approvals.pending();
    }

    @GetMapping("/{id}")
    Approval get(@PathVariable UUID id) {
        return approvals.get(id);
    }

    @PostMapping("/{id}/approve")
    Approval approve(@PathVariable UUID id, @RequestBody Decision body, Change change) {
        return approvals.approve(id, change);
    }

    @PostMapping("/{id}/reject")
    Approval reject(@PathVariable UUID id, @RequestBody Decision body, Change change) {
        return approvals.reject(id, change);
    }
}
