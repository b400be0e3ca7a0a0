/**
 * The shared kernel: typed ids, {@link com.iusign.platform.kernel.Actor}, {@link com.iusign.platform.kernel.Change}
 * and the {@link com.iusign.platform.kernel.Refusal refusals} every module throws. The {@code web} named interface
 * holds the platform's one web convention.
 */
@ApplicationModule(displayName = "Kernel", allowedDependencies = {})
@NullMarked
package com.iusign.platform.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
