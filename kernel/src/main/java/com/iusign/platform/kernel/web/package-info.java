/**
 * The platform's one web convention, used by every module's controllers: RFC 9457 answers for
 * every {@link com.iusign.platform.kernel.Refusal}, the {@link com.iusign.platform.kernel.Change}
 * argument resolver and the converters of typed ids.
 */
@NamedInterface("web")
@NullMarked
package com.iusign.platform.kernel.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
