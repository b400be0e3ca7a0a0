/**
 * The tenant workspace the platform governs: envelopes with one encrypted PDF, recipients in
 * signing order, and signing links whose public page consults the access gate, so that a
 * suspension reaches every link at once. All tables are row-level secured per tenant.
 */
@ApplicationModule(displayName = "Signing", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "identity"})
@NullMarked
package com.iusign.platform.signing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
