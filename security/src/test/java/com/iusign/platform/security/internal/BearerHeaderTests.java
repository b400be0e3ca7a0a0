package com.iusign.platform.security.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-checked resolver answers every header exactly as Spring's default resolver does. */
class BearerHeaderTests {

    private final BearerHeader resolver = new BearerHeader();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void answersTheNamedCasesAsSpringsDefaultResolver() {
        List<String> headers = List.of(
                "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "bearer abc", "BEARER abc", "BeArEr a-b.c_d~e+f/g==",
                "Bearer abc=", "Bearer abc==x", "Bearer =", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc ",
                "Bearer abc\n", "Bearer a b", "Bearer ab%c", "Bearer ab\u00e9", "Basic dXNlcjpwYXNz", "Token abc", "",
                "bear abc", "Bearer\tabc", "Bearer abc,def", "Bearer ab:c");
        for (String header : headers) {
            assertThat(answer(resolver, header)).as(header).isEqualTo(answer(spring, header));
        }
        assertThat(answer(resolver, null)).isEqualTo(answer(spring, null)).isEqualTo("no token");
        assertThat(answer(resolver, "Bearer abc==x")).isEqualTo("refused invalid_token: Bearer token is malformed");
    }

    @Test
    void answersRandomHeadersAsSpringsDefaultResolver() {
        String alphabet = "aZ09-._~+/= \t,:;%\u00e9\"Bb";
        SplittableRandom random = new SplittableRandom(15);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bEaReR ");
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = header.toString();
            if (!Objects.equals(answer(resolver, value), answer(spring, value))) {
                disagreements.add(value);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void neverReadsAnAccessTokenParameter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.addParameter("access_token", "abc");
        assertThat(resolver.resolve(request)).isNull();
        request.addHeader("Authorization", "Bearer def");
        assertThat(resolver.resolve(request)).isEqualTo("def").isEqualTo(spring.resolve(request));
    }

    private static String answer(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            String token = resolver.resolve(request);
            return token == null ? "no token" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
