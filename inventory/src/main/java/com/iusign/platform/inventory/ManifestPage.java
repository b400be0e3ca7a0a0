package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A page of the manifest and the cursor of the next page (null on the last). */
public record ManifestPage(List<ManifestEntry> items, @Nullable String nextCursor) {
}
