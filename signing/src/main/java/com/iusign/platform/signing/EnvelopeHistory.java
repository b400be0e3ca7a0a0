package com.iusign.platform.signing;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.TenantScope;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * Imports envelopes that happened before this platform recorded them (the demo fleet's 90 days, a
 * migration): each is created like any envelope — its document sealed under the tenant's key, its
 * recipient stored — in one transaction per tenant, then dated as sent and completed when it was.
 * No link is issued (a past envelope's links have expired) and no event is published: the
 * envelopes were not sent now. Telemetry learns them by re-syncing the tenant, which counts the
 * rows by their dates, so the import, the numbers and the daily series agree.
 */
@Service
public class EnvelopeHistory {

    private final Envelopes envelopes;
    private final SigningStore store;
    private final TenantScope scope;

    EnvelopeHistory(Envelopes envelopes, SigningStore store, TenantScope scope) {
        this.envelopes = envelopes;
        this.store = store;
        this.scope = scope;
    }

    /** @throws InvalidInput naming {@code sentAt} for an envelope sent in the future or completed before it was sent */
    public int importEnvelopes(TenantId tenant, java.util.UUID createdBy, List<HistoricalEnvelope> history) {
        Instant now = Instant.now();
        for (HistoricalEnvelope envelope : history) {
            if (envelope.sentAt().isAfter(now) || (envelope.completedAt() != null
                    && (envelope.completedAt().isBefore(envelope.sentAt()) || envelope.completedAt().isAfter(now)))) {
                throw InvalidInput.of("sentAt", "A historical envelope is sent in the past and completed after it was sent: " + envelope.title());
            }
        }
        return scope.call(tenant.value(), () -> {
            for (HistoricalEnvelope past : history) {
                Envelope created = envelopes.create(tenant, createdBy, new NewEnvelope(past.title(), "agreement.pdf",
                        SamplePdf.withText(past.title()), List.of(new NewEnvelope.NewRecipient(past.recipientName(), past.recipientEmail()))));
                store.datePast(created.id(), past.sentAt(), past.completedAt(), past.recipientName());
            }
            return history.size();
        });
    }
}
