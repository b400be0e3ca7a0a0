package com.iusign.platform.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant record's field rules, without Spring or a database. */
class TenantRulesTests {

    private final Map<String, String> errors = new LinkedHashMap<>();

    @Test
    void aNameIsTrimmedAndMustBePrintableAndAtMost120Characters() {
        assertThat(TenantRules.name("  Acme Legal  ", errors)).isEqualTo("Acme Legal");
        assertThat(TenantRules.name("x".repeat(121), errors)).isNull();
        assertThat(TenantRules.name("Acme\u202eLegal", errors)).as("a right-to-left override").isNull();
        assertThat(TenantRules.name("Zürich Notare", errors)).isEqualTo("Zürich Notare");
        assertThat(errors).containsOnlyKeys("name");
    }

    @Test
    void aSlugIsThreeToSixtyThreeLowercaseCharactersWithoutEdgeHyphens() {
        assertThat(TenantRules.slug("acme-legal", errors)).isEqualTo("acme-legal");
        assertThat(TenantRules.slug("ab", errors)).isNull();
        assertThat(TenantRules.slug("-acme", errors)).isNull();
        assertThat(TenantRules.slug("Acme", errors)).isNull();
        assertThat(TenantRules.slug("a".repeat(64), errors)).isNull();
        assertThat(errors).containsOnlyKeys("slug");
    }

    @Test
    void anOwnerEmailIsLowerCasedAndNeedsADomain() {
        assertThat(TenantRules.email(" Owner@Acme.TEST ", errors)).isEqualTo("owner@acme.test");
        assertThat(TenantRules.email("owner@localhost", errors)).isNull();
        assertThat(TenantRules.email("two@@acme.test", errors)).isNull();
        assertThat(errors).containsOnlyKeys("ownerEmail");
    }

    @Test
    void aCustomDomainIsNormalizedOrRefusedWithTheReason() {
        assertThat(TenantRules.domain("Sign.Acme.TEST.", errors)).isEqualTo("sign.acme.test");
        assertThat(TenantRules.domain("  ", errors)).as("absent").isNull();
        assertThat(errors).isEmpty();

        assertThat(TenantRules.domain("localhost", errors)).isNull();
        assertThat(errors.get("customDomain")).contains("at least two labels");
        assertThat(TenantRules.domain("bücher.example", errors)).isNull();
        assertThat(errors.get("customDomain")).contains("punycode");
        assertThat(TenantRules.domain("10.0.0.1", errors)).isNull();
        assertThat(errors.get("customDomain")).contains("numeric");
        assertThat(TenantRules.domain("-bad.example.com", errors)).isNull();
        assertThat(errors.get("customDomain")).contains("each label");
    }
}
