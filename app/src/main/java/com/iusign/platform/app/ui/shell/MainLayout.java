package com.iusign.platform.app.ui.shell;

import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.security.SuperAdminAccounts;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The console's frame: the side navigation built from the views' {@code @Menu} annotations, the
 * current view's title, and the signed-in SuperAdmin's menu with sign-out.
 */
@Layout
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication, SuperAdminAccounts accounts) {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassNames("view-title");
        // First in the navbar, which comes first in the keyboard's order: the first Tab of a page reaches it.
        addToNavbar(skipLink(), new DrawerToggle(), viewTitle);

        Span brand = new Span("IUSign");
        brand.addClassName("brand");
        Span product = new Span("Tenant Management");
        product.addClassName("brand-product");
        Div header = new Div(brand, product);
        header.addClassName("drawer-header");
        addToDrawer(header, new Scroller(navigation()), userMenu(authentication, accounts));
    }

    /**
     * "Skip to content": the first stop of the keyboard, hidden until focused, moving focus past the
     * navigation to the view's main action (an element marked {@code data-skip-target}) or else to
     * the view itself.
     */
    private static Anchor skipLink() {
        Anchor skip = new Anchor("#", "Skip to content");
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.getElement().executeJs("""
                this.addEventListener('click', event => {
                  event.preventDefault();
                  const main = document.querySelector('main');
                  if (!main) { return; }
                  const target = main.querySelector('[data-skip-target]') || main;
                  if (target === main) { main.setAttribute('tabindex', '-1'); }
                  target.focus();
                });""");
        return skip;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Console");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    private static Div userMenu(AuthenticationContext authentication, SuperAdminAccounts accounts) {
        String name = authentication.getPrincipalName().orElse("SuperAdmin");
        Avatar avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        Span signedInAs = new Span(name);
        signedInAs.addClassName("user-name");
        signedInAs.getElement().setAttribute("title", "Signed in as " + name);
        Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        signOut.setId("sign-out");
        Button changePassword = new Button("Password", new Icon(VaadinIcon.KEY), click -> new ChangePasswordDialog(accounts, name).open());
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        changePassword.setId("change-password");
        changePassword.getElement().setAttribute("title", "Change your password");
        // An account from an external OpenID Connect provider has no local password to change.
        changePassword.setVisible(authentication.getAuthenticatedUser(org.springframework.security.core.userdetails.UserDetails.class).isPresent());
        Div footer = new Div(avatar, signedInAs, signOut, changePassword);
        footer.addClassName("drawer-footer");
        return footer;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
