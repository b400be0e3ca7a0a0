package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

/** The tenant id of a telemetry URL: anything that is not a UUID names no tenant, so it is a 404 like an unknown one. */
final class TenantPaths {

    private TenantPaths() {
    }

    static TenantId tenant(String id) {
        try {
            return new TenantId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, TenantProblems.notFound("No tenant with id " + id), e);
        }
    }
}
