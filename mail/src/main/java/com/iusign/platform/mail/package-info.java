/**
 * The platform's e-mail: an outbox written in the sender's transaction (nothing leaves for a
 * change that rolled back), bodies sealed at rest under a platform secret (they carry one-time
 * links and codes) and erased once delivered, delivery over SMTP ({@code spring.mail.*}) after
 * commit, retried with back-off while the server is down, and each message's delivery state for
 * the step that sent it.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = {"kernel", "security"})
@NullMarked
package com.iusign.platform.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
