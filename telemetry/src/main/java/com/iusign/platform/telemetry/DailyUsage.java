package com.iusign.platform.telemetry;

import java.time.LocalDate;

/** One UTC day of a tenant's usage; days without activity are reported with zeros. */
public record DailyUsage(LocalDate day, int envelopesSent, int envelopesCompleted, int activeUsers) {
}
