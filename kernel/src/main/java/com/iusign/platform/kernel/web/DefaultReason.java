package com.iusign.platform.kernel.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The reason a {@link com.iusign.platform.kernel.Change} parameter gets when the request gives none. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DefaultReason {

    String value();
}
