package com.iusign.platform.app.ui.shell;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** An expired session goes straight back to sign-in with a word of why, not to Vaadin's generic notice. */
@Component
class SessionExpiryMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL("login?expired");
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
