package com.iusign.platform.identity;

/** ACTIVE users may sign in; LOCKED (by a SuperAdmin or tenant admin) and DISABLED users may not. */
public enum UserStatus { ACTIVE, LOCKED, DISABLED }
