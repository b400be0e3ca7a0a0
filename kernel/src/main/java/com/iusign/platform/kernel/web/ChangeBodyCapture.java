package com.iusign.platform.kernel.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;

/**
 * Keeps the {@link ChangeRequest} body that a handler binds with {@code @RequestBody}, so the
 * {@link ChangeArgumentResolver} reads reason and ticket from the same body without reading the
 * stream twice. An empty optional body is kept as a marker, so that "no body" is not mistaken for
 * "not read yet".
 */
@ControllerAdvice
class ChangeBodyCapture extends RequestBodyAdviceAdapter {

    static final String ATTRIBUTE = ChangeBodyCapture.class.getName();
    private static final Object EMPTY = new Object();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return ChangeRequest.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        keep(body);
        return body;
    }

    @Override
    public @Nullable Object handleEmptyBody(@Nullable Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                            Class<? extends HttpMessageConverter<?>> converterType) {
        keep(body == null ? EMPTY : body);
        return body;
    }

    private static void keep(Object body) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ATTRIBUTE, body, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
