package com.iusign.platform.compliance;

import com.iusign.platform.telemetry.TenantUsageChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The envelope burst rule: a tenant that sends at least {@value #MINIMUM} envelopes in one UTC day
 * and at least {@value #FACTOR} times its average daily volume over the previous 30 days is
 * flagged — spam and phishing campaigns look like this; a steady large customer does not. It
 * reads the day's and the previous 30 days' volume from telemetry's announcement, so a
 * redelivered announcement judges the same numbers again (and an existing flag is kept).
 */
@Component
class EnvelopeBurstRule {

    static final int MINIMUM = 50;
    static final int FACTOR = 10;

    private final TenantFlags flags;

    EnvelopeBurstRule(TenantFlags flags) {
        this.flags = flags;
    }

    @ApplicationModuleListener
    void on(TenantUsageChanged usage) {
        if (isBurst(usage.envelopesToday(), usage.envelopesPrevious30Days())) {
            LocalDate day = LocalDate.ofInstant(usage.asOf(), ZoneOffset.UTC);
            flags.flagAutomatically(usage.tenantId(), "envelope-burst-rule", String.format(Locale.ROOT,
                    "Envelope burst: %d sent on %s against an average of %.1f a day over the previous 30 days",
                    usage.envelopesToday(), day, usage.envelopesPrevious30Days() / 30.0));
        }
    }

    static boolean isBurst(int today, int previous30Days) {
        return today >= MINIMUM && today >= FACTOR * (previous30Days / 30.0);
    }
}
