package com.iusign.platform.signing;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** One page of a tenant's envelopes, newest first; {@code nextCursor} is null on the last page. */
public record EnvelopePage(List<Envelope> items, @Nullable String nextCursor) {
}
