package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.CopyableId;
import com.iusign.platform.app.ui.components.Fact;
import com.iusign.platform.app.ui.components.StatusBadge;
import com.iusign.platform.app.ui.components.TabsAccessibility;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.live.ConsoleUpdates;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.IllegalTransitionException;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.security.FlushReceipt;
import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.domains.TenantDomains;
import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.telemetry.BlastRadii;
import com.iusign.platform.telemetry.TenantTelemetry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * One tenant: header with its status and the primary action (Suspend when active, Reactivate
 * when suspended) plus a More menu, and tabs for overview, users, identity (owner changes under
 * four eyes), domain, keys (the tenant's master key, rotation), history and the tenant's audit trail.
 * Every action carries the version the page loaded, so acting on a tenant someone else changed
 * meanwhile is refused and the page reloads to show what is true now.
 */
@Route("tenants")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class TenantDetailView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final TenantLifecycle lifecycle;
    private final AuditTrail trail;
    private final TenantUsers users;
    private final SessionRevocation sessions;
    private final AuthenticationContext authentication;
    private final TenantTelemetry telemetry;
    private final TenantDomains domains;
    private final TenantFlags flags;
    private final BlastRadii radii;
    private final TenantManifest manifest;
    private final IdentityServices identity;
    private final EndOfLifeServices endOfLife;
    private final Div overview = new Div();
    private Tenant tenant;
    private java.util.Optional<TenantFlags.TenantFlag> flag = java.util.Optional.empty();
    private String title = "Tenant";
    private int selectedTab;

    TenantDetailView(TenantLifecycle lifecycle, AuditTrail trail, TenantUsers users, GovernanceServices governance,
                     AuthenticationContext authentication, TenantTelemetry telemetry, TenantDomains domains,
                     IdentityServices identity, EndOfLifeServices endOfLife, ConsoleUpdates updates) {
        updates.follow(this, this::changedElsewhere);
        this.identity = identity;
        this.endOfLife = endOfLife;
        this.telemetry = telemetry;
        this.flags = governance.flags();
        this.radii = governance.radii();
        this.manifest = governance.manifest();
        this.sessions = governance.sessions();
        this.domains = domains;
        this.lifecycle = lifecycle;
        this.trail = trail;
        this.users = users;
        this.authentication = authentication;
        addClassName("console-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            tenant = lifecycle.get(new TenantId(TenantAddress.resolve(manifest, parameter)));
            render();
        } catch (IllegalArgumentException | NotFound e) {
            removeAll();
            title = "Tenant not found";
            add(new H2("No tenant with ID " + parameter), new Paragraph("Check the ID, or find the tenant in the list."),
                    new RouterLink("Back to tenants", TenantsView.class));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render() {
        removeAll();
        title = tenant.name() + " · Tenant";
        flag = flags.current(tenant.id());
        add(header());
        if (tenant.status() != TenantStatus.ACTIVE) {
            add(new TenantStatusBanner(tenant, lifecycle.history(tenant.id())));
        }
        if (tenant.status().closed()) {
            add(new TenantRetentionBanner(tenant, endOfLife, reason -> change(reason, null), this::reload));
        }
        add(tabs());
    }

    /**
     * Another session, instance or job changed this tenant: the page shows it as it is now and says so;
     * new usage alone refreshes the Overview's numbers in place.
     */
    private void changedElsewhere(java.util.List<ConsoleUpdates.Signal> batch) {
        if (tenant == null) {
            return;
        }
        UUID id = tenant.id().value();
        if (ConsoleUpdates.tenants(batch, ConsoleUpdates.Signal.Kind.TENANT).contains(id)) {
            Tenant fresh;
            try {
                fresh = lifecycle.get(tenant.id());
            } catch (NotFound gone) {
                return;
            }
            if (fresh.version() != tenant.version()) {
                tenant = fresh;
                render();
                Actions.changedElsewhere(tenant.name() + " changed in another session: it is now " + tenant.status().name().toLowerCase()
                        + ". The page shows it as it is.");
                return;
            }
        }
        if (ConsoleUpdates.tenants(batch, ConsoleUpdates.Signal.Kind.USAGE).contains(id)) {
            overview.removeAll();
            overview.add(new TenantOverviewPanel(tenant, telemetry, users, sessions));
        }
    }

    private void reload() {
        tenant = lifecycle.get(tenant.id());
        render();
    }

    private Div header() {
        H2 name = new H2(tenant.name());
        name.addClassName("tenant-name");
        StatusBadge badge = new StatusBadge(tenant.status());
        badge.setId("tenant-status");
        HorizontalLayout titleLine = new HorizontalLayout(name, badge);
        flag.ifPresent(current -> {
            Span flagged = new Span(current.automatic() ? "Flagged by the burst rule" : "Flagged as suspicious");
            flagged.setId("tenant-flag");
            flagged.addClassNames("status-badge", "check-FAIL");
            flagged.getElement().setAttribute("title", current.reason() + " — " + current.flaggedBy() + ", "
                    + Times.exact(current.flaggedAt()));
            titleLine.add(flagged);
        });
        titleLine.setAlignItems(HorizontalLayout.Alignment.CENTER);
        Div facts = new Div(Fact.of("Slug", new Span(tenant.slug())), Fact.of("Plan", new Span(tenant.plan())),
                Fact.of("Subscription", new Span(tenant.subscriptionStatus().label())),
                Fact.of("ID", new CopyableId(tenant.id().value(), false)));
        facts.addClassName("tenant-facts");
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (tenant.status() == TenantStatus.ACTIVE) {
            actions.add(primary("Suspend", TenantStatus.SUSPENDED, ButtonVariant.LUMO_ERROR));
        } else if (tenant.status() == TenantStatus.SUSPENDED) {
            actions.add(primary("Reactivate", TenantStatus.ACTIVE, ButtonVariant.LUMO_SUCCESS));
        }
        if (!tenant.status().closed()) {
            actions.add(moreMenu());
        }
        HorizontalLayout top = new HorizontalLayout(new Div(titleLine, facts), actions);
        top.setWidthFull();
        top.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        Div header = new Div(top);
        header.addClassName("tenant-header");
        return header;
    }

    private Button primary(String label, TenantStatus target, ButtonVariant variant) {
        Button button = new Button(label, click -> openStatusDialog(target));
        button.setId("primary-status-action");
        button.getElement().setAttribute("data-skip-target", true);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, variant);
        return button;
    }

    private MenuBar moreMenu() {
        MenuBar more = new MenuBar();
        more.setId("tenant-more");
        more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        var item = more.addItem("More");
        item.getSubMenu().addItem("Edit name, plan, subscription, domain…", click -> openEditDialog());
        item.getSubMenu().addItem("Flush all sessions…", click -> openFlushDialog());
        if (flag.isPresent()) {
            item.getSubMenu().addItem("Clear suspicion flag…", click -> new ReasonDialog("Clear the flag of " + tenant.name() + "?",
                    "The tenant leaves the compliance review (unless it is inactive or an overdue trial).", "Clear flag",
                    reason -> change(reason, null), change -> {
                        flags.clear(tenant.id(), change);
                        Actions.succeeded(tenant.name() + " is no longer flagged.");
                        render();
                    }).open());
        } else {
            item.getSubMenu().addItem("Flag as suspicious…", click -> new ReasonDialog("Flag " + tenant.name() + " as suspicious?",
                    "The tenant keeps working; it is listed in Reviews → Compliance review until the flag is cleared.",
                    "Flag", reason -> change(reason, null), change -> {
                        flags.flag(tenant.id(), change);
                        Actions.succeeded(tenant.name() + " flagged for compliance review.");
                        render();
                    }).open());
        }
        item.getSubMenu().addItem("Deactivate…", click -> openStatusDialog(TenantStatus.DEACTIVATED));
        return more;
    }

    private TabSheet tabs() {
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        TabsAccessibility.fix(tabs);
        overview.removeAll();
        overview.add(new TenantOverviewPanel(tenant, telemetry, users, sessions));
        tabs.add("Overview", overview);
        tabs.add("Users", new TenantUsersPanel(tenant.id(), users, sessions, reason -> change(reason, null)));
        tabs.add("Identity", new TenantIdentityPanel(tenant.id(), identity, this::change,
                () -> tenant = lifecycle.get(tenant.id())));
        tabs.add("Domain", new TenantDomainPanel(domains, tenant));
        tabs.add("Keys", new TenantKeysPanel(tenant.id(), tenant.name(), endOfLife.keys(), reason -> change(reason, null), this::render));
        tabs.add("History", new TenantHistoryPanel(lifecycle.history(tenant.id())));
        tabs.add("Audit", new TenantAuditPanel(tenant.id(), trail, endOfLife.export(), authentication.getPrincipalName().orElseThrow()));
        // An action re-renders the page; the SuperAdmin stays on the tab they acted from.
        tabs.setSelectedIndex(Math.min(selectedTab, tabs.getTabCount() - 1));
        tabs.addSelectedChangeListener(event -> selectedTab = tabs.getSelectedIndex());
        return tabs;
    }

    private void openStatusDialog(TenantStatus target) {
        long version = tenant.version();
        var radius = switch (target) {
            case SUSPENDED -> new BlastRadiusSummary(radii.of(tenant.id()), BlastRadiusSummary.Reach.SUSPEND);
            case DEACTIVATED -> new BlastRadiusSummary(radii.of(tenant.id()), BlastRadiusSummary.Reach.DEACTIVATE);
            case ACTIVE, PURGED -> null;
        };
        new StatusChangeDialog(tenant, target, radius, this::change, change -> act(() -> switch (target) {
            case SUSPENDED -> lifecycle.suspend(tenant.id(), change, version);
            case ACTIVE -> lifecycle.reactivate(tenant.id(), change, version);
            case DEACTIVATED -> lifecycle.deactivate(tenant.id(), change, version);
            case PURGED -> throw new IllegalArgumentException("A purge is requested from the retention banner, not as a status change");
        }, StatusChangeDialog.pastTense(target))).open();
    }

    private void openFlushDialog() {
        new ReasonDialog("Flush all sessions of " + tenant.name() + "?", "Every token issued to the users of " + tenant.name()
                + " until now is refused on its next request, on every instance."
                + " They can sign in again" + (tenant.status() == TenantStatus.ACTIVE ? "." : " once the tenant is active."),
                new BlastRadiusSummary(radii.of(tenant.id()), BlastRadiusSummary.Reach.FLUSH), "Flush sessions", reason -> change(reason, null), change -> {
                    FlushReceipt receipt = sessions.flushTenant(tenant.id(), change);
                    Actions.succeeded("Sessions of " + tenant.name() + " flushed at " + Times.exact(receipt.effectiveAt())
                            + (receipt.proof().refused() ? "; verified: a token issued 1 ms earlier is refused" : ""));
                    render();
                }).open();
    }

    private void openEditDialog() {
        new EditTenantDialog(tenant, lifecycle.plans(), this::change,
                (update, change) -> act(() -> lifecycle.update(tenant.id(), update, change), "updated")).open();
    }

    private Change change(String reason, String ticket) {
        return Actions.change(authentication, reason, ticket);
    }

    private void act(Supplier<Tenant> action, String verb) {
        try {
            tenant = action.get();
            Actions.succeeded(tenant.name() + " " + verb + ". The change is in the History and Audit tabs.");
        } catch (IllegalTransitionException | Conflict e) {
            Actions.refused(e.getMessage() + " — the page now shows the tenant as it is.");
            tenant = lifecycle.get(tenant.id());
        }
        render();
    }
}
