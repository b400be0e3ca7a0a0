package com.iusign.platform.kernel.web;

import org.jspecify.annotations.Nullable;

/**
 * A request body that carries why a change is made. A handler method that takes a
 * {@link com.iusign.platform.kernel.Change} receives this body's reason and ticket in it, with the
 * caller as actor and the request's {@code X-Correlation-Id}.
 */
public interface ChangeRequest {

    @Nullable String reason();

    @Nullable String ticket();
}
