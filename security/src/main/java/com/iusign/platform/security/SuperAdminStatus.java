package com.iusign.platform.security;

/** A SuperAdmin account's state: invited (no password yet), active, or disabled (no sign-in, its console sessions end). */
public enum SuperAdminStatus { INVITED, ACTIVE, DISABLED }
