package com.iusign.platform.identity;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.domains.StaticDomainResolver;
import com.iusign.platform.domains.TenantDomains;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.testfixtures.MovableClock;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** A lost mailbox is replaced by proof of control of the tenant's verified custom domain, looked up with a resolver the test controls. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
@Import(RecoveryDomainProofTests.Dns.class)
class RecoveryDomainProofTests {

    private static final MovableClock CLOCK = MovableClock.startingNow();
    private static final StaticDomainResolver DNS = new StaticDomainResolver();

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantDomains domains;
    private final RecoveryCases cases;
    private final RecoveryDomainProof proof;
    private final EmbeddedMailbox mailbox;

    RecoveryDomainProofTests(TenantLifecycle lifecycle, TenantUsers users, TenantDomains domains, RecoveryCases cases,
                             RecoveryDomainProof proof, EmbeddedMailbox mailbox) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.domains = domains;
        this.cases = cases;
        this.proof = proof;
        this.mailbox = mailbox;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Dns {

        @Bean
        StaticDomainResolver testDns() {
            return DNS;
        }

        @Bean
        Clock testClock() {
            return CLOCK;
        }
    }

    @Test
    void theTenantsDnsProvesControlAndTheResetLinkGoesToTheNewContactWhichBecomesTheAccountsEmail() {
        Tenant tenant = TestTenants.provision(lifecycle, "business", "dns");
        String domain = "sign." + tenant.slug() + ".test";
        lifecycle.update(tenant.id(), new UpdateTenant(null, null, null, domain, null), change());
        TenantUser owner = users.list(tenant.id()).getFirst();
        RecoveryCase opened = cases.open(tenant.id(), owner.id(), RecoveryCase.Situation.MAILBOX_LOST,
                "The owner's mail domain expired; they called from the number in the contract",
                "Video call, ID checked against the contract's signatory", change());
        String newContact = "owner-new-" + UUID.randomUUID().toString().substring(0, 6) + "@elsewhere.test";

        RecoveryCase challenged = proof.issue(tenant.id(), opened.id(), newContact, change());
        assertThat(challenged.domainRecord()).isEqualTo("_iusign-recovery." + domain);
        assertThatExceptionOfType(DomainNotProven.class).isThrownBy(() -> proof.check(tenant.id(), opened.id(), change()))
                .withMessageContaining("ownership token");

        DNS.putTxt("_iusign-verification." + domain, domains.verificationToken(tenant.id()));
        assertThatExceptionOfType(DomainNotProven.class).isThrownBy(() -> proof.check(tenant.id(), opened.id(), change()))
                .withMessageContaining("does not carry the value yet");
        DNS.putTxt(challenged.domainRecord(), "unrelated", challenged.domainValue());
        RecoveryCase verified = proof.check(tenant.id(), opened.id(), change());
        assertThat(verified.status()).isEqualTo(RecoveryCase.Status.VERIFIED);

        CLOCK.advance(Duration.ofHours(25));
        cases.complete(tenant.id(), opened.id(), change());

        assertThat(users.get(tenant.id(), owner.id()).email()).isEqualTo(newContact);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(newContact).stream().anyMatch(m -> m.text().contains("/activate?token=")));
        assertThat(cases.timeline(tenant.id(), opened.id())).extracting(RecoveryCase.Step::step)
                .containsExactly("opened", "domain-challenge-issued", "domain-check-failed", "domain-check-failed", "verified", "completed");
    }

    @Test
    void aTenantWithoutACustomDomainOrACaseWhoseMailboxWorksGetsNoDomainChallenge() {
        Tenant tenant = TestTenants.provision(lifecycle, "business", "nodns");
        TenantUser owner = users.list(tenant.id()).getFirst();
        RecoveryCase lost = cases.open(tenant.id(), owner.id(), RecoveryCase.Situation.MAILBOX_LOST, "The mailbox is gone for good",
                "Known voice, confirmed by a second admin", change());
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> proof.issue(tenant.id(), lost.id(), "x@elsewhere.test", change()))
                .withMessageContaining("no custom domain");
        cases.cancel(tenant.id(), lost.id(), change());
        RecoveryCase works = cases.open(tenant.id(), owner.id(), RecoveryCase.Situation.LOST_PASSWORD, "Only the password is lost",
                "Known voice, confirmed by a second admin", change());
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> proof.issue(tenant.id(), works.id(), "x@elsewhere.test", change()))
                .withMessageContaining("send a code");
    }

    private static Change change() {
        return Change.of(Actor.superAdmin("support@iusign.test"), "Domain proof test");
    }
}
