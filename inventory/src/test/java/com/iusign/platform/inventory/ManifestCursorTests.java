package com.iusign.platform.inventory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The manifest's keyset cursor, without Spring or a database: what it carries, and what it refuses. */
class ManifestCursorTests {

    private static final Instant CREATED = Instant.parse("2026-03-14T15:09:26.535897Z");

    @Test
    void aCursorRoundTripsTheSortItsValueAndTheId() {
        ManifestEntry last = entry(null);
        ManifestCursor cursor = ManifestCursor.after(ManifestSort.NAME, last, "acme legal");

        ManifestCursor decoded = ManifestCursor.decode(cursor.encode(), ManifestSort.NAME);

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.value()).isEqualTo("acme legal");
        assertThat(decoded.id()).isEqualTo(last.id());
    }

    @Test
    void aTimeSortKeepsTheMicrosecondOfItsRow() {
        ManifestCursor cursor = ManifestCursor.after(ManifestSort.CREATED, entry(null), "ignored");

        assertThat(ManifestCursor.decode(cursor.encode(), ManifestSort.CREATED).instant()).isEqualTo(CREATED);
    }

    @Test
    void lastActivityFallsBackToCreationForATenantWithoutActivity() {
        Instant active = CREATED.plusSeconds(3600);

        assertThat(ManifestCursor.after(ManifestSort.LAST_ACTIVITY, entry(active), "").instant()).isEqualTo(active);
        assertThat(ManifestCursor.after(ManifestSort.LAST_ACTIVITY, entry(null), "").instant()).isEqualTo(CREATED);
    }

    @Test
    void aCursorOfAnotherSortIsRefusedAsSuch() {
        String byName = ManifestCursor.after(ManifestSort.NAME, entry(null), "acme").encode();

        assertThatExceptionOfType(ManifestQueryException.class).isThrownBy(() -> ManifestCursor.decode(byName, ManifestSort.CREATED))
                .withMessageContaining("another sort order")
                .satisfies(e -> assertThat(e.fieldErrors()).containsOnlyKeys("cursor"));
    }

    @Test
    void anythingElseIsRefusedAsNotACursorOfThisApi() {
        for (String forged : new String[] {"", "not base64 !", encode("m1\u001fNAME\u001facme"), encode("m0\u001fNAME\u001facme\u001f" + UUID.randomUUID()),
                encode("m1\u001fCREATED\u001fyesterday\u001f" + UUID.randomUUID()), encode("m1\u001fNAME\u001facme\u001fnot-an-id"),
                encode("m1\u001fDROP TABLE\u001facme\u001f" + UUID.randomUUID())}) {
            assertThatExceptionOfType(ManifestQueryException.class).as(forged)
                    .isThrownBy(() -> ManifestCursor.decode(forged, ManifestSort.NAME))
                    .satisfies(e -> assertThat(e.fieldErrors()).containsOnlyKeys("cursor"));
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static ManifestEntry entry(Instant lastActivity) {
        return new ManifestEntry(UUID.randomUUID(), "Acme Legal", "acme-legal", "business", "ACTIVE", "ACTIVE", "o@acme.test", null,
                CREATED, CREATED, 0, 1, 5, 500, 1, lastActivity);
    }
}
