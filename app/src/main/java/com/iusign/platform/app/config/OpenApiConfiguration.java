package com.iusign.platform.app.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's OpenAPI description: bearer tokens from {@code POST /oauth2/token}, problems as RFC 9457. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI adminApi() {
        return new OpenAPI()
                .info(new Info().title("IUSign Tenant Management — admin API").version("1")
                        .description("Govern tenants. Authenticate with a bearer token from POST /oauth2/token"
                                + " (client_credentials, an admin API client registered in the console). Errors are"
                                + " RFC 9457 problem details with a stable type: urn:iusign:problem:validation,"
                                + " not-found, conflict, illegal-transition, unauthenticated, invalid-token, forbidden."))
                .components(new Components().addSecuritySchemes("adminToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("adminToken"));
    }
}
