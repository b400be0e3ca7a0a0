package com.iusign.platform.app.ui.components;

import com.vaadin.flow.component.tabs.TabSheet;

/**
 * Vaadin's {@code vaadin-tabs} gives the scroller inside its {@code role="tablist"} a
 * {@code tabindex}, which puts that scroller into the accessibility tree as a child a tab list
 * may not have (axe-core {@code aria-required-children}, critical). The tabs themselves stay
 * keyboard-reachable without it (the selected tab keeps {@code tabindex="0"}, arrows move between
 * them), so the attribute is removed once the element has rendered.
 */
public final class TabsAccessibility {

    private TabsAccessibility() {
    }

    public static void fix(TabSheet sheet) {
        sheet.getElement().executeJs("""
                const sheet = this;
                customElements.whenDefined('vaadin-tabs').then(() => requestAnimationFrame(() => {
                  const tabs = sheet.querySelector('vaadin-tabs');
                  const scroller = tabs && tabs.shadowRoot && tabs.shadowRoot.querySelector('[part~="tabs"][tabindex]');
                  if (scroller) { scroller.removeAttribute('tabindex'); }
                }));""");
    }
}
