package com.iusign.platform.lifecycle;

import java.util.Map;

/** The status events share their shape: the status before ({@code from}) and the one the event names ({@code to}). */
public sealed interface TenantStatusChanged extends TenantEvent permits TenantSuspended, TenantReactivated, TenantDeactivated, TenantPurged {

    TenantStatus from();

    TenantStatus to();

    @Override
    default Map<String, Object> before() {
        return Map.of("status", from().name());
    }

    @Override
    default Map<String, Object> after() {
        return Map.of("status", to().name());
    }
}
