package com.iusign.platform.app.ui.components;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** How console actions name their actor and report their outcome. */
public final class Actions {

    private Actions() {
    }

    /** The signed-in SuperAdmin as the actor of a change, with a fresh correlation id for the audit trail. */
    public static Change change(AuthenticationContext authentication, String reason, @Nullable String ticket) {
        String admin = authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("Not signed in"));
        return new Change(Actor.superAdmin(admin), reason, ticket, "console-" + UUID.randomUUID());
    }

    public static void succeeded(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void refused(String message) {
        Notification notification = Notification.show(message, 10000, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Someone else changed what the page shows; it now shows the new state, and this says why it moved. */
    public static void changedElsewhere(String message) {
        Notification.show(message, 8000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
