package com.iusign.platform.signing;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.TenantScope;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity"})
class EnvelopeWorkflowTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Signing test");

    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    private final SigningLinks links;
    private final TenantScope scope;
    private final JdbcClient jdbc;
    private Tenant tenant;
    private TenantId tenantId;
    private final UUID user = UUID.randomUUID();

    EnvelopeWorkflowTests(TenantLifecycle lifecycle, Envelopes envelopes, SigningLinks links, TenantScope scope, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
        this.links = links;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void tenant() {
        String slug = TestTenants.slug("sg");
        tenant = lifecycle.provision(new ProvisionTenant("Signing " + slug, slug, "starter", "owner@" + slug + ".test", null), CHANGE);
        tenantId = tenant.id();
    }

    @Test
    void recipientsSignInOrderAndTheLastSignatureCompletesTheEnvelope(AssertablePublishedEvents events) {
        byte[] pdf = SamplePdf.withText("Lease agreement");
        Envelope draft = envelopes.create(tenantId, user, new NewEnvelope("Lease", "lease.pdf", pdf, List.of(
                new NewEnvelope.NewRecipient("Ada Lovelace", "ada@example.test"), new NewEnvelope.NewRecipient("Alan Turing", "Alan@Example.test"))));
        assertThat(draft.status()).isEqualTo(EnvelopeStatus.DRAFT);
        assertThat(draft.recipients()).extracting(Envelope.Recipient::email).containsExactly("ada@example.test", "alan@example.test");

        List<IssuedLink> issued = envelopes.send(tenantId, user, draft.id());
        assertThat(issued).hasSize(2);
        assertThat(events.ofType(EnvelopeSent.class).matching(e -> e.envelopeId().equals(draft.id()))).hasSize(1);
        String ada = issued.get(0).token();
        String alan = issued.get(1).token();

        assertThat(links.open(alan).waitingFor()).isEqualTo("Ada Lovelace");
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.sign(alan, "Alan Turing"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.CONFLICT)).withMessageContaining("Waiting for Ada Lovelace");
        SigningLinkView opened = links.open(ada);
        assertThat(opened.envelopeTitle()).isEqualTo("Lease");
        assertThat(opened.recipientName()).isEqualTo("Ada Lovelace");
        links.open(ada);
        assertThat(events.ofType(SigningLinkOpened.class).matching(e -> e.envelopeId().equals(draft.id()))).as("first opening only").hasSize(2);
        assertThat(links.document(ada)).isEqualTo(pdf);

        assertThat(links.sign(ada, "Ada Lovelace").signed()).isTrue();
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.sign(ada, "Ada again")).withMessageContaining("already signed");
        assertThat(links.sign(alan, "Alan Turing").status()).isEqualTo(EnvelopeStatus.COMPLETED);
        assertThat(envelopes.get(tenantId, draft.id()).completedAt()).isNotNull();
        assertThat(events.ofType(EnvelopeCompleted.class).matching(e -> e.envelopeId().equals(draft.id()))).hasSize(1);
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> envelopes.voidEnvelope(tenantId, user, draft.id(), "too late"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.CONFLICT));
    }

    @Test
    void theDocumentIsStoredEncryptedWithTheTenantsKeyAndTamperingIsDetected() {
        byte[] pdf = SamplePdf.withText("Secret merger terms");
        Envelope envelope = envelopes.create(tenantId, user, new NewEnvelope("Merger", "m.pdf", pdf, List.of(
                new NewEnvelope.NewRecipient("Grace Hopper", "grace@example.test"))));
        String token = envelopes.send(tenantId, user, envelope.id()).getFirst().token();
        byte[] stored = scope.call(tenantId.value(), () -> jdbc.sql("SELECT ciphertext FROM envelope_document WHERE envelope_id = :id")
                .param("id", envelope.id()).query(byte[].class).single());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Secret merger terms").doesNotContain("%PDF");

        scope.run(tenantId.value(), () -> jdbc.sql("UPDATE envelope_document SET ciphertext = set_byte(ciphertext, 20, get_byte(ciphertext, 20) # 1)"
                + " WHERE envelope_id = :id").param("id", envelope.id()).update());
        assertThatThrownBy(() -> links.document(token)).hasMessageContaining("could not be decrypted");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        int before = envelopeCount();
        byte[] pdf = SamplePdf.withText("ok");
        assertFields(new NewEnvelope("", "a.pdf", "hello, not a pdf".getBytes(StandardCharsets.UTF_8), List.of()), "title", "document", "recipients");
        byte[] oversize = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1);
        assertFields(new NewEnvelope("Big", "big.pdf", oversize, List.of(new NewEnvelope.NewRecipient("A", "a@example.test"))), "document");
        assertFields(new NewEnvelope("Bad mails", "x.pdf", pdf, List.of(new NewEnvelope.NewRecipient("A", "not-an-email"),
                new NewEnvelope.NewRecipient("", "b@example.test"), new NewEnvelope.NewRecipient("B", "B@example.test"))),
                "recipients[0].email", "recipients[1].name", "recipients[2].email");
        assertThat(envelopeCount()).isEqualTo(before);
    }

    @Test
    void suspensionMakesEveryLinkTemporarilyUnavailableAndReactivationBringsItBack() {
        String token = sentEnvelopeLink();
        lifecycle.suspend(tenantId, CHANGE, null);
        for (Runnable call : List.<Runnable>of(() -> links.open(token), () -> links.document(token), () -> links.sign(token, "Signer"))) {
            assertThatExceptionOfType(SigningException.class).isThrownBy(call::run)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.TENANT_SUSPENDED))
                    .withMessageContaining("temporarily unavailable");
        }
        lifecycle.reactivate(tenantId, CHANGE, null);
        assertThat(links.document(token)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        lifecycle.deactivate(tenantId, CHANGE, null);
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.open(token))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.GONE)).withMessageContaining("no longer available");
    }

    @Test
    void voidedExpiredAndUnknownLinksAreRefused() {
        String voided = sentEnvelopeLink();
        UUID envelopeId = envelopes.list(tenantId, 1, null).items().getFirst().id();
        envelopes.voidEnvelope(tenantId, user, envelopeId, "Sent to the wrong person");
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.sign(voided, "Signer"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.GONE)).withMessageContaining("withdrew");

        String expiring = sentEnvelopeLink();
        scope.run(tenantId.value(), () -> jdbc.sql("UPDATE signing_link SET expires_at = now() - interval '1 minute'").update());
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.document(expiring))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.GONE)).withMessageContaining("expired");

        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.open("no-such-token"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.NOT_FOUND));
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> links.sign(expiring, " "))
                .satisfies(e -> assertThat(e.fieldErrors()).containsKey("typedName"));
    }

    @Test
    void theMonthlyEnvelopeQuotaRefusesTheSendThatWouldExceedItNamingLimitAndUsage() {
        String plan = TestTenants.slug("tiny");
        jdbc.sql("INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order) VALUES (:code, 'Tiny', 2, 2, 99)")
                .param("code", plan).update();
        String slug = TestTenants.slug("quota");
        TenantId small = lifecycle.provision(new ProvisionTenant("Quota " + slug, slug, plan, "owner@" + slug + ".test", null), CHANGE).id();
        for (int i = 0; i < 2; i++) {
            envelopes.send(small, user, draft(small).id());
        }
        Envelope third = draft(small);
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> envelopes.send(small, user, third.id()))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SigningException.Kind.QUOTA_EXCEEDED);
                    assertThat(e.details()).containsEntry("quota", "monthlyEnvelopes").containsEntry("limit", 2).containsEntry("usage", 2);
                });
        assertThat(envelopes.get(small, third.id()).status()).as("nothing written").isEqualTo(EnvelopeStatus.DRAFT);
    }

    private Envelope draft(TenantId owner) {
        return envelopes.create(owner, user, new NewEnvelope("Contract", "c.pdf", SamplePdf.withText("Contract"),
                List.of(new NewEnvelope.NewRecipient("Signer", "signer@example.test"))));
    }

    private String sentEnvelopeLink() {
        return envelopes.send(tenantId, user, draft(tenantId).id()).getFirst().token();
    }

    private int envelopeCount() {
        return scope.call(tenantId.value(), () -> jdbc.sql("SELECT count(*) FROM envelope").query(Integer.class).single());
    }

    private void assertFields(NewEnvelope request, String... fields) {
        assertThatExceptionOfType(SigningException.class).isThrownBy(() -> envelopes.create(tenantId, user, request))
                .satisfies(e -> assertThat(e.fieldErrors()).containsOnlyKeys(fields));
    }
}
