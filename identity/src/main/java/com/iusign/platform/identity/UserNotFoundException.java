package com.iusign.platform.identity;

import com.iusign.platform.kernel.NotFound;

import java.util.UUID;

/** No user with that id in that tenant. */
public class UserNotFoundException extends NotFound {

    public UserNotFoundException(UUID tenantId, UUID userId) {
        super("No user " + userId + " in tenant " + tenantId);
    }
}
