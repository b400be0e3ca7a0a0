/**
 * The tenant record: permanent id, name, slug, plan, subscription and operational status.
 */
@ApplicationModule(displayName = "Lifecycle", allowedDependencies = {"kernel", "kernel :: web"})
@NullMarked
package com.iusign.platform.lifecycle;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
