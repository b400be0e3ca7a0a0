package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.InvitedSuperAdmin;
import com.iusign.platform.security.SuperAdminAccount;
import com.iusign.platform.security.SuperAdminAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SuperAdmins invite SuperAdmins. The activation link goes only to the invitee's mailbox — never
 * back to the inviter, who could otherwise activate a second account of their own and approve
 * their own four-eyes requests with it.
 */
@Service
@Transactional
public class SuperAdminInvitations {

    private final SuperAdminAccounts accounts;
    private final Outbox outbox;
    private final IdentityMails mails;

    SuperAdminInvitations(SuperAdminAccounts accounts, Outbox outbox, IdentityMails mails) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.mails = mails;
    }

    /** Invites {@code email}; the invitation mail leaves when this commits. */
    public SuperAdminAccount invite(String email, Change change) {
        InvitedSuperAdmin invited = accounts.invite(email, change);
        outbox.enqueue(mails.superAdminInvitation(invited.account().email(), change.by().name(), invited.activationToken(),
                invited.expiresAt()));
        return invited.account();
    }
}
