package com.iusign.platform.identity;

import java.util.UUID;

/** No user with that id in that tenant. */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(UUID tenantId, UUID userId) {
        super("No user " + userId + " in tenant " + tenantId);
    }
}
