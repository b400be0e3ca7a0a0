package com.iusign.platform.identity;

import com.iusign.platform.mail.OutgoingMail;
import com.iusign.platform.mail.PublicLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The identity module's messages, in plain text and HTML. Links and codes go in the bodies only —
 * subjects are stored and shown in clear.
 */
@Component
class IdentityMails {

    static final String ACTIVATION_PATH = "/activate";
    private static final String PLATFORM = "IUSign";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PublicLinks links;

    IdentityMails(PublicLinks links) {
        this.links = links;
    }

    OutgoingMail superAdminInvitation(String email, String invitedBy, String token, Instant expiresAt) {
        String link = links.to(ACTIVATION_PATH, "token", token);
        return mail(email, PLATFORM + ": you are invited as a SuperAdmin", null, "superadmin-invitation:" + email,
                invitedBy + " invited you to govern the " + PLATFORM + " platform as a SuperAdmin.",
                "Set your password with this one-time link (valid until " + WHEN.format(expiresAt) + "):", link,
                "If you did not expect this, ignore this message: the link expires unused.");
    }

    OutgoingMail userInvited(String tenantName, UUID tenantId, String email, UserRole role, String token, Instant expiresAt) {
        String link = links.to(ACTIVATION_PATH, "token", token);
        return mail(email, PLATFORM + ": your account at " + tenantName, tenantId, "user-activation:" + tenantId + ":" + email,
                "An account was created for you in the organization " + tenantName + " on " + PLATFORM
                        + (role == UserRole.OWNER ? ", as its owner." : "."),
                "Set your password with this one-time link (valid until " + WHEN.format(expiresAt) + "):", link,
                "If you did not expect this, ignore this message: the link expires unused.");
    }

    OutgoingMail ownerInvited(String tenantName, UUID tenantId, UUID assignmentId, String email, String token, Instant expiresAt) {
        String link = links.to(ACTIVATION_PATH, "token", token);
        return mail(email, PLATFORM + ": you are now the owner of " + tenantName, tenantId, "owner-assignment:" + assignmentId,
                "You have been made the owner of the organization " + tenantName + " on " + PLATFORM + ".",
                "Set your password with this one-time link (valid until " + WHEN.format(expiresAt) + "):", link,
                "If you did not expect this, contact " + PLATFORM + " support before using the link.");
    }

    OutgoingMail ownerAssigned(String tenantName, UUID tenantId, UUID assignmentId, String email) {
        return mail(email, PLATFORM + ": you are now the owner of " + tenantName, tenantId, "owner-assignment:" + assignmentId,
                "You have been made the owner of the organization " + tenantName + " on " + PLATFORM + ".",
                "Nothing changes in how you sign in.", null,
                "If you did not expect this, contact " + PLATFORM + " support.");
    }

    OutgoingMail previousOwnerNotice(String tenantName, UUID tenantId, UUID assignmentId, String email, String newOwner, boolean disabled) {
        return mail(email, PLATFORM + ": the owner of " + tenantName + " changed", tenantId, "owner-assignment:" + assignmentId,
                "The owner of the organization " + tenantName + " on " + PLATFORM + " is now " + newOwner + ".",
                disabled ? "Your account in the organization has been disabled." : "You remain in the organization as an administrator.",
                null, "If you did not expect this, contact " + PLATFORM + " support at once.");
    }

    static String recoveryReference(UUID caseId) {
        return "recovery-case:" + caseId;
    }

    OutgoingMail recoveryCode(String tenantName, UUID tenantId, UUID caseId, String email, String code, Instant expiresAt) {
        return mail(email, PLATFORM + ": your verification code", tenantId, recoveryReference(caseId),
                "You asked " + PLATFORM + " support to restore your access to " + tenantName + ".",
                "Read this code to the support person you are speaking with (valid until " + WHEN.format(expiresAt) + "): " + code,
                null, "If you did not ask for this, do not share the code with anyone, and tell your organization's owner.");
    }

    OutgoingMail recoveryVetoNotice(String tenantName, UUID tenantId, UUID caseId, String email, String account, String token,
                                    Instant until) {
        String link = links.to("/recovery/veto", "token", token);
        return mail(email, PLATFORM + ": access recovery requested for an account of " + tenantName, tenantId, recoveryReference(caseId),
                PLATFORM + " support is restoring access to the account " + account + " of " + tenantName
                        + " after verifying its holder. It completes after " + WHEN.format(until) + ".",
                "If this is not legitimate, stop it with this one-time link (no sign-in needed):", link,
                "If it is legitimate, there is nothing to do.");
    }

    OutgoingMail recoveryReset(String tenantName, UUID tenantId, UUID caseId, String email, String token, Instant expiresAt) {
        String link = links.to(ACTIVATION_PATH, "token", token);
        return mail(email, PLATFORM + ": set a new password for " + tenantName, tenantId, recoveryReference(caseId),
                "Your access to " + tenantName + " has been restored. Every earlier session of yours has ended.",
                "Set a new password with this one-time link (valid until " + WHEN.format(expiresAt) + "):", link,
                "If you did not ask for this, contact " + PLATFORM + " support at once.");
    }

    private static OutgoingMail mail(String to, String subject, UUID tenantId, String reference, String opening, String action,
                                     String link, String closing) {
        StringBuilder text = new StringBuilder(opening).append("\n\n").append(action).append('\n');
        StringBuilder html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\"><p>")
                .append(HtmlUtils.htmlEscape(opening)).append("</p><p>").append(HtmlUtils.htmlEscape(action)).append("</p>");
        if (link != null) {
            text.append(link).append('\n');
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">").append(HtmlUtils.htmlEscape(link)).append("</a></p>");
        }
        text.append('\n').append(closing).append("\n\n— ").append(PLATFORM).append('\n');
        html.append("<p>").append(HtmlUtils.htmlEscape(closing)).append("</p><p>— ").append(PLATFORM).append("</p></body></html>");
        return new OutgoingMail(to, subject, text.toString(), html.toString(), tenantId, reference);
    }
}
