package com.iusign.platform.telemetry;

import com.iusign.platform.identity.TenantUserAdded;
import com.iusign.platform.identity.TenantUserSignedIn;
import com.iusign.platform.identity.TenantUserStatusChanged;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.signing.EnvelopeCompleted;
import com.iusign.platform.signing.EnvelopeSent;
import com.iusign.platform.signing.EnvelopeVoided;
import com.iusign.platform.signing.SigningLinkOpened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the counters from the workspace's events, after their transactions commit (the JDBC
 * event registry redelivers what a crash interrupted). Counting facts are applied once: an
 * envelope is sent once and completed once, so its id is the fact's key; everything else is a
 * maximum or a recount, which a redelivery cannot inflate.
 */
@Component
class UsageProjection {

    private final UsageStore store;
    private final TenantUsers users;
    private final UsageAnnouncer announcer;

    UsageProjection(UsageStore store, TenantUsers users, UsageAnnouncer announcer) {
        this.store = store;
        this.users = users;
        this.announcer = announcer;
    }

    @ApplicationModuleListener
    void on(EnvelopeSent event) {
        if (store.firstTime("sent:" + event.envelopeId())) {
            store.envelopeSent(event.tenantId(), event.at());
            announcer.announce(event.tenantId());
        }
    }

    @ApplicationModuleListener
    void on(EnvelopeCompleted event) {
        if (store.firstTime("completed:" + event.envelopeId())) {
            store.envelopeCompleted(event.tenantId(), event.at());
            announcer.announce(event.tenantId());
        }
    }

    @ApplicationModuleListener
    void on(EnvelopeVoided event) {
        store.activity(event.tenantId(), event.at());
        announcer.announce(event.tenantId());
    }

    @ApplicationModuleListener
    void on(SigningLinkOpened event) {
        store.activity(event.tenantId(), event.at());
        announcer.announce(event.tenantId());
    }

    @ApplicationModuleListener
    void on(TenantUserSignedIn event) {
        store.userSeen(event.tenantId(), event.userId(), event.at());
        announcer.announce(event.tenantId());
    }

    @ApplicationModuleListener
    void on(TenantUserAdded event) {
        recountSeats(event.tenantId());
    }

    @ApplicationModuleListener
    void on(TenantUserStatusChanged event) {
        recountSeats(event.tenantId());
    }

    private void recountSeats(java.util.UUID tenantId) {
        store.seats(tenantId, () -> users.usage(new TenantId(tenantId), Instant.now().minus(30, ChronoUnit.DAYS)).seatsUsed());
        announcer.announce(tenantId);
    }
}
