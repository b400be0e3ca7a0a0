package com.iusign.platform.identity;

/** What a tenant user may do in their organization. */
public enum UserRole { OWNER, ADMIN, MEMBER }
