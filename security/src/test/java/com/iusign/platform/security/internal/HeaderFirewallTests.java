package com.iusign.platform.security.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The ASCII-first checks refuse exactly what Spring's regexes refuse. */
class HeaderFirewallTests {

    @Test
    void headerValuesAndNamesAreJudgedAsSpringsRegexesJudgeThem() {
        String alphabet = "aZ9 ~\t\n\r\u0000\u001f\u007f\u0080\u009f\u00a0\u00e9\u2028\u0378\ud83d\ude00\ud800\uffff|";
        SplittableRandom random = new SplittableRandom(15);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int c = random.nextInt(8); c > 0; c--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(value.toString(), HeaderFirewall.VALUES, true, disagreements);
            check(value.toString(), HeaderFirewall.NAMES, false, disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aBearerTokenPassesAndControlCharactersDoNot() {
        Predicate<String> values = HeaderFirewall.asciiFirst(HeaderFirewall.VALUES, true);
        assertThat(values.test("Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
        assertThat(values.test("a\tb")).isTrue();
        assertThat(values.test("a\r\nSet-Cookie: x")).isFalse();
        assertThat(values.test("caf\u00e9")).isTrue();
        assertThat(values.test("caf\u00e9\u0085")).isFalse();
        assertThat(HeaderFirewall.asciiFirst(HeaderFirewall.NAMES, false).test("X\tName")).isFalse();
    }

    private static void check(String value, Pattern rule, boolean tab, List<String> disagreements) {
        if (HeaderFirewall.asciiFirst(rule, tab).test(value) != rule.matcher(value).matches()) {
            disagreements.add((tab ? "value " : "name ") + value.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }
}
