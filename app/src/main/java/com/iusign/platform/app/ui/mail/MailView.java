package com.iusign.platform.app.ui.mail;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.mail.MailDelivery;
import com.iusign.platform.mail.MailStatus;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message the platform sent, newest first, with its delivery state (attempts, the last
 * error, the next attempt). In the embedded default the SMTP server is in-memory, and this view is
 * also its mailbox: selecting a message shows what its recipient would read. With a real mail
 * server bodies are not shown — the platform keeps none once delivered.
 */
@Route("mail")
@PageTitle("Mail")
@Menu(order = 4, title = "Mail", icon = "vaadin:envelope-o")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class MailView extends Main {

    private final Outbox outbox;
    private final EmbeddedMailbox mailbox;
    private final Grid<MailDelivery> grid = new Grid<>();
    private final Div reader = new Div();
    private final TextField recipient = new TextField();

    MailView(Outbox outbox, ObjectProvider<EmbeddedMailbox> mailbox) {
        this.outbox = outbox;
        this.mailbox = mailbox.getIfAvailable();
        addClassName("console-view");
        grid.setId("mail-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(delivery -> Times.relative(delivery.queuedAt())).setHeader("Queued").setAutoWidth(true);
        grid.addColumn(MailDelivery::recipient).setHeader("To").setFlexGrow(2);
        grid.addColumn(MailDelivery::subject).setHeader("Subject").setFlexGrow(3);
        grid.addComponentColumn(MailView::status).setHeader("Delivery").setAutoWidth(true);
        grid.addColumn(MailDelivery::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(delivery -> delivery.lastError() == null ? "" : delivery.lastError()).setHeader("Last error").setFlexGrow(2);
        grid.setEmptyStateText("No mail yet: invitations, owner changes and recovery steps send mail.");
        grid.asSingleSelect().addValueChangeListener(event -> read(event.getValue()));
        reader.setId("mail-reader");
        reader.addClassName("mail-reader");
        recipient.setPlaceholder("Recipient's e-mail");
        recipient.setId("mail-recipient");
        recipient.setClearButtonVisible(true);
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.addValueChangeListener(event -> refresh());
        recipient.getElement().setAttribute("aria-label", "Recipient's e-mail");
        Button refresh = new Button("Refresh", click -> refresh());
        refresh.setId("mail-refresh");
        Paragraph mode = new Paragraph(this.mailbox == null
                ? "Messages go to the configured mail server (spring.mail.host); their bodies are not kept once delivered."
                : "Embedded mail server on 127.0.0.1:" + this.mailbox.port() + ": nothing leaves this machine. "
                + "Select a message to read it as its recipient would.");
        mode.addClassName("secondary-text");
        HorizontalLayout bar = new HorizontalLayout(mode, recipient, refresh);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(mode);
        add(bar, grid, reader);
        refresh();
    }

    private void refresh() {
        grid.setItems(outbox.recent(200, recipient.getValue()));
    }

    private void read(MailDelivery delivery) {
        reader.removeAll();
        if (delivery == null) {
            return;
        }
        if (mailbox == null) {
            reader.add(new Paragraph("The body went to the mail server and is not kept here."));
            return;
        }
        Map<String, EmbeddedMailbox.Received> byId = mailbox.messages().stream()
                .collect(Collectors.toMap(EmbeddedMailbox.Received::messageId, Function.identity(), (first, second) -> second));
        EmbeddedMailbox.Received message = byId.get(delivery.id().toString());
        if (message == null) {
            reader.add(new Paragraph(delivery.status() == MailStatus.SENT
                    ? "Sent before this server started: the embedded mailbox keeps messages only while the platform runs."
                    : "Not delivered yet."));
            return;
        }
        Pre text = new Pre(message.text());
        text.setId("mail-text");
        reader.add(new H3(message.subject()), new Paragraph("From " + message.from() + " to " + message.to()), text);
        if (message.html() != null) {
            IFrame html = new IFrame();
            html.setSrcdoc(message.html());
            // The HTML body is shown as a recipient sees it, in a frame with no scripts and no access to the console.
            html.getElement().setAttribute("sandbox", "");
            html.setTitle("HTML body of " + message.subject());
            html.addClassName("mail-html");
            reader.add(html);
        }
    }

    private static Component status(MailDelivery delivery) {
        Span badge = new Span(switch (delivery.status()) {
            case QUEUED -> "queued";
            case SENT -> "sent " + Times.relativeText(delivery.sentAt(), java.time.Instant.now());
            case FAILED -> "failed, retrying";
            case REFUSED -> "refused by the server";
            case GAVE_UP -> "gave up";
        });
        badge.addClassNames("status-badge", switch (delivery.status()) {
            case SENT -> "status-active";
            case QUEUED, FAILED -> "status-suspended";
            case REFUSED, GAVE_UP -> "status-deactivated";
        });
        if (delivery.nextAttemptAt() != null && delivery.status() == MailStatus.FAILED) {
            badge.setTitle("Next attempt " + Times.exact(delivery.nextAttemptAt()));
        }
        return badge;
    }
}
