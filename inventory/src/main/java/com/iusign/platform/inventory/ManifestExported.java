package com.iusign.platform.inventory;

import com.iusign.platform.kernel.Actor;

import java.time.Instant;
import java.util.UUID;

/** Someone exported the Global Tenant Manifest (every matching tenant with its owner e-mail) under {@code filter}. */
public record ManifestExported(UUID eventId, Actor by, String filter, String correlationId, Instant at) {
}
