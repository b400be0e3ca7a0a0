/**
 * A tenant's custom domain: ownership proven by a TXT token, DNS and TLS certificate diagnostics
 * run for real (against public addresses only), and the daily sweep that keeps the latest
 * diagnosis for the expiring-certificates list.
 */
@ApplicationModule(displayName = "Domains", allowedDependencies = {"kernel", "kernel :: web", "lifecycle"})
@NullMarked
package com.iusign.platform.domains;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
