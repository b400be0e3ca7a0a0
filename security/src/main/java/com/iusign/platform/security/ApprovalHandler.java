package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;

/**
 * Carries out the requests of one kind. A module that needs four eyes registers a bean of this
 * type; {@link Approvals} calls it inside the deciding transaction, so the request's effect and
 * its decision commit together or not at all (a refusal from the handler leaves the request pending).
 */
public interface ApprovalHandler {

    String kind();

    /** The request was approved by {@code decision}'s actor: do what was asked. */
    void approved(Approval approval, Change decision);

    /** The request was rejected or cancelled: release what it held. */
    void closed(Approval approval, Change decision);
}
