package com.iusign.platform.mail.internal;

import java.util.UUID;

/** A message was queued; its dispatcher sends it after the queuing transaction commits. Carries no content. */
public record MailQueued(UUID mailId) {
}
