package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The manifest as CSV (RFC 4180, CRLF), one format for the API's export and the console's: the
 * header, then one line per entry, built in a buffer and appended whole (the export streams a
 * million of them at the writer's pace).
 */
public final class ManifestCsv {

    public static final String HEADER = "id,name,slug,plan,subscriptionStatus,status,ownerEmail,customDomain,createdAt,envelopesThisMonth,"
            + "monthlyEnvelopeLimit,seatsUsed,seatLimit,activeUsers30d,lastActivityAt\r\n";

    private ManifestCsv() {
    }

    /** @throws UncheckedIOException when the writer fails (the client went away), so a streaming walk stops */
    public static void write(Appendable out, ManifestEntry entry) {
        StringBuilder line = new StringBuilder(256).append(entry.id()).append(',').append(quoted(entry.name())).append(',')
                .append(entry.slug()).append(',').append(entry.plan()).append(',').append(entry.subscriptionStatus()).append(',')
                .append(entry.status()).append(',').append(quoted(entry.ownerEmail())).append(',').append(quoted(entry.customDomain()))
                .append(',').append(entry.createdAt()).append(',').append(entry.envelopesThisMonth()).append(',')
                .append(entry.monthlyEnvelopeLimit() == null ? "" : entry.monthlyEnvelopeLimit()).append(',').append(entry.seatsUsed())
                .append(',').append(entry.seatLimit() == null ? "" : entry.seatLimit()).append(',').append(entry.activeUsers30d())
                .append(',').append(entry.lastActivityAt() == null ? "" : entry.lastActivityAt()).append("\r\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does not run it. */
    public static String quoted(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
