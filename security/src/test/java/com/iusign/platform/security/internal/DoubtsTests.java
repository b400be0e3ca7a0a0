package com.iusign.platform.security.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DoubtsTests {

    private final Doubts<String> doubts = new Doubts<>();

    @Test
    void aKeyIsDoubtedFromItsWarningUntilItsChangeSaysItCommitted() {
        assertThat(doubts.doubted("tenant-a")).isFalse();
        doubts.doubt("tenant-a");
        assertThat(doubts.doubted("tenant-a")).isTrue();
        assertThat(doubts.doubted("tenant-b")).as("only the announced key").isFalse();
        doubts.resolve("tenant-a");
        assertThat(doubts.doubted("tenant-a")).isFalse();
    }

    @Test
    void twoChangesOfOneKeyKeepItDoubtedUntilBothCommitted() {
        doubts.doubt("tenant-a");
        doubts.doubt("tenant-a");
        doubts.resolve("tenant-a");
        assertThat(doubts.doubted("tenant-a")).as("the second change has not said it committed").isTrue();
        doubts.resolve("tenant-a");
        assertThat(doubts.doubted("tenant-a")).isFalse();
    }

    @Test
    void anInvalidationWithoutAWarningChangesNothing() {
        doubts.resolve("tenant-a");
        doubts.doubt("tenant-a");
        assertThat(doubts.doubted("tenant-a")).isTrue();
    }
}
