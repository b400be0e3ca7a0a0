package com.iusign.platform.app.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled value in a tenant's fact lists (header, overview, keys): the label small above the value. */
public final class Fact {

    private Fact() {
    }

    public static Div of(String label, Component value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Div fact = new Div(name, value);
        fact.addClassName("fact");
        return fact;
    }

    public static Div of(String label, String value) {
        return of(label, new Span(value));
    }
}
