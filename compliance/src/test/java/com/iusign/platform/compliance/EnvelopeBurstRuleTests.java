package com.iusign.platform.compliance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope burst rule's threshold, without Spring or a database. */
class EnvelopeBurstRuleTests {

    @Test
    void aBurstIsFiftyEnvelopesAndTenTimesTheUsualDailyVolume() {
        assertThat(EnvelopeBurstRule.isBurst(50, 0)).isTrue();
        assertThat(EnvelopeBurstRule.isBurst(49, 0)).as("below the minimum").isFalse();
        assertThat(EnvelopeBurstRule.isBurst(60, 300)).as("6x a steady 10 a day").isFalse();
        assertThat(EnvelopeBurstRule.isBurst(100, 300)).as("exactly 10x a steady 10 a day").isTrue();
        assertThat(EnvelopeBurstRule.isBurst(1000, 3001)).as("just under 10x").isFalse();
    }
}
