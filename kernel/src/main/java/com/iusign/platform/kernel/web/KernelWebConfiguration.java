package com.iusign.platform.kernel.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Registers the kernel's web convention with Spring MVC for every module's controllers. */
@Configuration(proxyBeanMethods = false)
class KernelWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    KernelWebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ChangeArgumentResolver(json));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        TypedIds.register(registry);
    }
}
