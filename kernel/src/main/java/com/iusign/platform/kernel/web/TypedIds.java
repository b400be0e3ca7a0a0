package com.iusign.platform.kernel.web;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.UserId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;

import java.util.Map;
import java.util.UUID;

/**
 * Path variables and parameters of typed ids. A malformed value fails the conversion, which the
 * problem advice answers as a 400 {@code validation} naming the parameter and what it should be
 * ({@link #describe(Class)}), the same on every endpoint.
 */
final class TypedIds {

    private static final Map<Class<?>, String> NAMES = Map.of(TenantId.class, "a tenant id (a UUID)", UserId.class, "a user id (a UUID)");

    private TypedIds() {
    }

    static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, TenantId.class, (Converter<String, TenantId>) value -> new TenantId(uuid(value)));
        registry.addConverter(String.class, UserId.class, (Converter<String, UserId>) value -> new UserId(uuid(value)));
    }

    /** What a value of the type should look like, for the refusal's message. */
    static String describe(Class<?> type) {
        return NAMES.getOrDefault(type, type == UUID.class ? "a UUID" : "a " + type.getSimpleName());
    }

    private static UUID uuid(String value) {
        // UUID.fromString accepts "1-2-3-4-5"; an id is always the canonical 36 characters.
        if (value.length() != 36) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(value);
    }
}
