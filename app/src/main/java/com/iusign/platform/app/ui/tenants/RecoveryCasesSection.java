package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.identity.RecoveryCase;
import com.iusign.platform.identity.RecoveryCases;
import com.iusign.platform.identity.RecoveryCoolingOff;
import com.iusign.platform.identity.RecoveryDomainProof;
import com.vaadin.flow.component.textfield.EmailField;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A tenant's recovery cases: open one with the evidence relied on, send the code to the contact
 * on file and enter the code the holder reads back — or, when that mailbox is gone, issue a TXT
 * record for the tenant's verified domain and check it — complete after the cooling-off (or ask a second
 * SuperAdmin to end it early), cancel. Each case shows its timeline and its mail's delivery state.
 */
class RecoveryCasesSection extends Div {

    private final TenantId tenantId;
    private final RecoveryCases cases;
    private final RecoveryCoolingOff coolingOff;
    private final RecoveryDomainProof domainProof;
    private final Supplier<List<TenantUser>> users;
    private final BiFunction<String, String, Change> change;
    private final Grid<RecoveryCase> grid = new Grid<>();
    private final Div detail = new Div();

    RecoveryCasesSection(TenantId tenantId, IdentityServices services, Supplier<List<TenantUser>> users,
                         BiFunction<String, String, Change> change) {
        this.tenantId = tenantId;
        this.cases = services.cases();
        this.coolingOff = services.coolingOff();
        this.domainProof = services.domainProof();
        this.users = users;
        this.change = change;
        addClassName("identity-panel");
        Button open = new Button("Open recovery case…", click -> openCaseDialog());
        open.setId("open-recovery");
        HorizontalLayout header = new HorizontalLayout(new H3("Recovery cases"), open);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();
        grid.setId("recovery-cases");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(recovery -> Times.relative(recovery.openedAt())).setHeader("Opened").setAutoWidth(true);
        grid.addColumn(RecoveryCase::userEmail).setHeader("Account").setFlexGrow(2);
        grid.addColumn(recovery -> recovery.situation().name().toLowerCase().replace('_', ' ')).setHeader("Situation").setAutoWidth(true);
        grid.addColumn(recovery -> recovery.status().name().toLowerCase()).setHeader("Step").setAutoWidth(true);
        grid.setEmptyStateText("No recovery case was opened.");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));
        detail.setId("recovery-detail");
        detail.addClassName("identity-panel");
        add(header, grid, detail);
        refresh(null);
    }

    private void refresh(UUID selected) {
        List<RecoveryCase> all = cases.list(tenantId);
        grid.setItems(all);
        all.stream().filter(recovery -> recovery.id().equals(selected)).findFirst().ifPresentOrElse(grid::select, () -> show(null));
    }

    private void show(RecoveryCase recovery) {
        detail.removeAll();
        if (recovery == null) {
            return;
        }
        UnorderedList timeline = new UnorderedList();
        timeline.addClassName("timeline");
        timeline.setId("recovery-timeline");
        for (RecoveryCase.Step step : cases.timeline(tenantId, recovery.id())) {
            timeline.add(new ListItem(Times.exact(step.at()) + " · " + step.step() + " · " + step.actor() + " — " + step.detail()));
        }
        UnorderedList mail = new UnorderedList();
        mail.setId("recovery-mail");
        cases.deliveries(tenantId, recovery.id()).forEach(delivery -> mail.add(new ListItem(delivery.recipient() + ": "
                + delivery.subject() + " — " + delivery.status().name().toLowerCase()
                + (delivery.lastError() == null ? "" : " (" + delivery.lastError() + ")"))));
        detail.add(new H4("Case of " + recovery.userEmail() + " — " + recovery.status().name().toLowerCase()), actions(recovery),
                timeline, new H4("Mail"), mail);
    }

    private HorizontalLayout actions(RecoveryCase recovery) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        if (!recovery.status().isOpen()) {
            return actions;
        }
        boolean mailboxLost = recovery.situation() == RecoveryCase.Situation.MAILBOX_LOST;
        if (recovery.status() != RecoveryCase.Status.VERIFIED && !mailboxLost) {
            actions.add(button("Send code to " + recovery.userEmail(), "recovery-send-code",
                    () -> cases.sendCode(tenantId, recovery.id(), change.apply("Verification code sent", recovery.ticket())), recovery));
        }
        if (recovery.status() != RecoveryCase.Status.VERIFIED && mailboxLost) {
            EmailField contact = new EmailField("New contact for the reset link");
            contact.setId("recovery-new-contact");
            contact.setValue(recovery.newContactEmail() == null ? "" : recovery.newContactEmail());
            actions.add(contact, button("Issue DNS challenge", "recovery-dns-issue", () -> domainProof.issue(tenantId, recovery.id(),
                    contact.getValue(), change.apply("DNS challenge issued: the mailbox on file is lost", recovery.ticket())), recovery));
        }
        if (recovery.status() == RecoveryCase.Status.CHALLENGED && recovery.challengeMethod() == RecoveryCase.ChallengeMethod.DOMAIN_TXT) {
            TextField record = new TextField("The tenant publishes TXT");
            record.setValue(recovery.domainRecord() + " = " + recovery.domainValue());
            record.setReadOnly(true);
            record.setWidth("34rem");
            record.setId("recovery-dns-record");
            actions.add(record, button("Check DNS", "recovery-dns-check", () -> domainProof.check(tenantId, recovery.id(),
                    change.apply("DNS checked for the recovery proof", recovery.ticket())), recovery));
        }
        if (recovery.status() == RecoveryCase.Status.CHALLENGED && recovery.challengeMethod() == RecoveryCase.ChallengeMethod.EMAIL_CODE) {
            TextField code = new TextField("Code read back");
            code.setId("recovery-code");
            actions.add(code, button("Verify", "recovery-verify",
                    () -> cases.verify(tenantId, recovery.id(), code.getValue(), change.apply("Holder read the code back", recovery.ticket())),
                    recovery));
        }
        if (recovery.status() == RecoveryCase.Status.VERIFIED) {
            Button complete = button("Complete", "recovery-complete",
                    () -> cases.complete(tenantId, recovery.id(), change.apply("Recovery completed after cooling-off", recovery.ticket())),
                    recovery);
            complete.setEnabled(!Instant.now().isBefore(recovery.coolingOffUntil()));
            complete.setTooltipText("Possible from " + Times.exact(recovery.coolingOffUntil()));
            actions.add(complete, new Button("Ask to end cooling-off…", click -> new ReasonDialog("End the cooling-off early?",
                    "A second SuperAdmin must approve; until then owners and admins can still veto.", "Ask for approval",
                    reason -> change.apply(reason, recovery.ticket()), decided -> {
                try {
                    coolingOff.requestEarlyEnd(tenantId, recovery.id(), decided);
                    Actions.succeeded("Asked: a second SuperAdmin approves it in Reviews → Approvals.");
                } catch (InvalidInput e) {
                    throw e;
                } catch (Refusal e) {
                    Actions.refused(e.getMessage());
                }
            }).open()));
        }
        Button cancel = new Button("Cancel case…", click -> new ReasonDialog("Cancel this recovery case?", "Nothing more happens in it.",
                "Cancel case", reason -> change.apply(reason, recovery.ticket()), decided -> {
            cases.cancel(tenantId, recovery.id(), decided);
            refresh(recovery.id());
        }).open());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        actions.add(cancel);
        return actions;
    }

    private Button button(String label, String id, Supplier<RecoveryCase> step, RecoveryCase recovery) {
        Button button = new Button(label, click -> {
            try {
                RecoveryCase after = step.get();
                Actions.succeeded("Recovery of " + after.userEmail() + ": " + after.status().name().toLowerCase());
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
            refresh(recovery.id());
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void openCaseDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Open a recovery case");
        dialog.setWidth("36rem");
        ComboBox<TenantUser> user = new ComboBox<>("Account");
        user.setId("recovery-user");
        user.setItems(users.get());
        user.setItemLabelGenerator(candidate -> candidate.email() + " (" + candidate.status().name().toLowerCase() + ")");
        user.setWidthFull();
        Select<RecoveryCase.Situation> situation = new Select<>();
        situation.setLabel("Situation");
        situation.setItems(RecoveryCase.Situation.values());
        situation.setItemLabelGenerator(value -> switch (value) {
            case LOST_PASSWORD -> "Lost the password";
            case LOCKED_OUT -> "Locked out";
            case MAILBOX_LOST -> "Mailbox on file is gone";
        });
        situation.setValue(RecoveryCase.Situation.LOST_PASSWORD);
        TextArea evidence = new TextArea("Evidence");
        evidence.setId("recovery-evidence");
        evidence.setHelperText("What was asked, by whom, through which channel");
        evidence.setWidthFull();
        TextArea established = new TextArea("How identity was established");
        established.setId("recovery-established");
        established.setWidthFull();
        TextField ticket = new TextField("Ticket");
        ticket.setId("recovery-ticket");
        FieldErrors errors = new FieldErrors(Map.of("userId", user, "evidence", evidence, "identityEstablished", established,
                "reason", evidence, "ticket", ticket));
        dialog.add(new VerticalLayout(user, situation, evidence, established, ticket));
        Button open = new Button("Open case", click -> {
            errors.clear();
            try {
                if (user.getValue() == null) {
                    throw new InvalidInput(Map.of("userId", "Choose the account"));
                }
                String why = evidence.getValue().length() > Change.MAX_REASON ? evidence.getValue().substring(0, Change.MAX_REASON)
                        : evidence.getValue();
                RecoveryCase opened = cases.open(tenantId, user.getValue().id(), situation.getValue(), evidence.getValue(),
                        established.getValue(), change.apply(why, ticket.getValue()));
                dialog.close();
                refresh(opened.id());
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            } catch (Refusal e) {
                errors.show(Map.of("userId", e.getMessage()));
            }
        });
        open.setId("recovery-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), open);
        dialog.open();
    }
}
