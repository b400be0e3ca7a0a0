package com.iusign.platform.identity;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.Mails;
import com.iusign.testfixtures.MovableClock;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
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

/** Administrative recovery from evidence to completion, against real PostgreSQL and the test's SMTP server, on the test's clock. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
@Import(RecoveryCaseTests.Clocks.class)
class RecoveryCaseTests {

    private static final MovableClock CLOCK = MovableClock.startingNow();
    private static final String OLD_PASSWORD = "the forgotten passphrase 1";
    private static final String NEW_PASSWORD = "a brand new passphrase 2026";

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    private final RecoveryCases cases;
    private final RecoveryCoolingOff coolingOff;
    private final Approvals approvals;
    private final SuperAdminAccounts accounts;
    private final EmbeddedMailbox mailbox;
    private Tenant tenant;
    private TenantId tenantId;
    private TenantUser owner;
    private TenantUser member;
    private final Actor support = Actor.superAdmin("support-" + UUID.randomUUID() + "@iusign.test");

    RecoveryCaseTests(TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn, RecoveryCases cases, RecoveryCoolingOff coolingOff,
                      Approvals approvals, SuperAdminAccounts accounts, EmbeddedMailbox mailbox) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
        this.cases = cases;
        this.coolingOff = coolingOff;
        this.approvals = approvals;
        this.accounts = accounts;
        this.mailbox = mailbox;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        Clock testClock() {
            return CLOCK;
        }
    }

    @BeforeEach
    void tenantWithALockedOutMember() {
        tenant = TestTenants.provision(lifecycle, "business", "rec");
        tenantId = tenant.id();
        owner = users.list(tenantId).getFirst();
        NewUser added = users.add(tenantId, "member@" + tenant.slug() + ".test", "Member", "MEMBER", change());
        users.activate(added.activationToken(), OLD_PASSWORD);
        member = added.user();
    }

    @Test
    void evidenceThenCodeThenCoolingOffThenCompletionEndsTheOldSessionsAndTheResetLinkSetsANewPassword() {
        TokenPair before = signIn.signIn(tenant.slug(), member.email(), OLD_PASSWORD);
        RecoveryCase opened = cases.open(tenantId, member.id(), RecoveryCase.Situation.LOST_PASSWORD,
                "Ticket SUP-7: member called the support line, locked out after a phishing scare",
                "Called back on the number in the HR record; confirmed employee id", change());

        cases.sendCode(tenantId, opened.id(), change());
        String code = codeMailedTo(member.email());
        WrongRecoveryCode wrong = (WrongRecoveryCode) catchRefusal(() -> cases.verify(tenantId, opened.id(), "00000000", change()));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.attemptsLeft()).isEqualTo(4);
        assertThat(cases.get(tenantId, opened.id()).codeAttempts()).as("a wrong code counts although it was refused").isEqualTo(1);

        RecoveryCase verified = cases.verify(tenantId, opened.id(), code, change());
        assertThat(verified.status()).isEqualTo(RecoveryCase.Status.VERIFIED);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(owner.email()).stream()
                .anyMatch(mail -> mail.text().contains("/recovery/veto?token=")));
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.complete(tenantId, opened.id(), change()))
                .withMessageContaining("cooling-off window runs until");

        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        RecoveryCase completed = cases.complete(tenantId, opened.id(), change());

        assertThat(completed.status()).isEqualTo(RecoveryCase.Status.COMPLETED);
        assertThat(users.get(tenantId, member.id()).status()).isEqualTo(UserStatus.ACTIVE);
        assertThatExceptionOfType(Refusal.class).as("the refresh token from before the recovery is revoked")
                .isThrownBy(() -> signIn.refresh(before.refreshToken()));
        users.activate(linkTokenMailedTo(member.email(), "/activate"), NEW_PASSWORD);
        assertThat(signIn.signIn(tenant.slug(), member.email(), NEW_PASSWORD).accessToken()).isNotBlank();
        assertThat(cases.timeline(tenantId, opened.id())).extracting(RecoveryCase.Step::step)
                .containsExactly("opened", "challenge-sent", "code-wrong", "verified", "completed");
        assertThat(cases.deliveries(tenantId, opened.id())).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aVetoThroughTheMailedLinkCancelsTheCaseAndTheLinkWorksOnce() {
        RecoveryCase opened = openAndVerify();
        String veto = linkTokenMailedTo(owner.email(), "/recovery/veto");

        cases.veto(veto);

        assertThat(cases.get(tenantId, opened.id()).status()).isEqualTo(RecoveryCase.Status.VETOED);
        String used = catchRefusal(() -> { cases.veto(veto); return null; }).getMessage();
        String unknown = catchRefusal(() -> { cases.veto(veto.substring(0, veto.length() - 2) + "xx"); return null; }).getMessage();
        assertThat(used).as("a used link and an unknown one read the same").isEqualTo(unknown);
        CLOCK.advance(Duration.ofHours(25));
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.complete(tenantId, opened.id(), change()))
                .withMessageContaining("vetoed");
    }

    @Test
    void fiveWrongCodesLockTheCaseAndAnExpiredCodeIsRefused() {
        RecoveryCase opened = cases.open(tenantId, member.id(), RecoveryCase.Situation.LOST_PASSWORD, "Member lost the password",
                "Video call, compared with the ID on file", change());
        cases.sendCode(tenantId, opened.id(), change());
        CLOCK.advance(Duration.ofMinutes(16));
        assertThat(catchRefusal(() -> cases.verify(tenantId, opened.id(), codeMailedTo(member.email()), change())).getMessage())
                .contains("expired");

        cases.sendCode(tenantId, opened.id(), change());
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(((WrongRecoveryCode) catchRefusal(() -> cases.verify(tenantId, opened.id(), "12345678", change()))).attemptsLeft())
                    .isEqualTo(5 - attempt);
        }
        assertThat(catchRefusal(() -> cases.verify(tenantId, opened.id(), "12345678", change())).getMessage()).contains("locked");
        assertThat(cases.get(tenantId, opened.id()).status()).isEqualTo(RecoveryCase.Status.LOCKED);
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.verify(tenantId, opened.id(), "12345678", change()));
    }

    @Test
    void aSecondSuperAdminCanEndTheCoolingOffEarlyButNotTheRequesterAndCompletionUnlocks() {
        users.lock(tenantId, member.id(), change());
        RecoveryCase opened = openAndVerify();
        Actor requester = Actor.superAdmin(accounts.create("req-" + UUID.randomUUID() + "@iusign.test", "requester passphrase 2026").email());
        Actor second = Actor.superAdmin(accounts.create("sec-" + UUID.randomUUID() + "@iusign.test", "second passphrase 2026 x").email());
        Approval asked = coolingOff.requestEarlyEnd(tenantId, opened.id(), Change.of(requester, "The member must sign a deal today"));

        assertThatExceptionOfType(com.iusign.platform.security.SelfApproval.class)
                .isThrownBy(() -> approvals.approve(asked.id(), Change.of(requester, "Approving my own")));
        approvals.approve(asked.id(), Change.of(second, "Confirmed with the tenant's owner by phone"));

        assertThat(cases.complete(tenantId, opened.id(), change()).status()).isEqualTo(RecoveryCase.Status.COMPLETED);
        assertThat(users.get(tenantId, member.id()).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void badCasesAreRefusedByName() {
        Tenant other = TestTenants.provision(lifecycle, "business", "rco");
        UUID stranger = users.list(other.id()).getFirst().id();
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> cases.open(tenantId, stranger, RecoveryCase.Situation.LOST_PASSWORD,
                "Someone asked for it", "Nothing checked yet", change())).satisfies(e -> assertThat(e.fieldErrors()).containsKey("userId"));
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> cases.open(tenantId, member.id(), RecoveryCase.Situation.LOST_PASSWORD,
                "", "Nothing", change())).satisfies(e -> assertThat(e.fieldErrors()).containsKeys("evidence"));

        String shared = "shared-" + UUID.randomUUID() + "@iusign.test";
        accounts.create(shared, "superadmin passphrase 2026");
        UUID twin = users.add(tenantId, shared, "Twin", "MEMBER", change()).user().id();
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.open(tenantId, twin, RecoveryCase.Situation.LOST_PASSWORD,
                "Wants back into the tenant", "Says so on the phone", change())).withMessageContaining("also a SuperAdmin");

        RecoveryCase lost = cases.open(tenantId, member.id(), RecoveryCase.Situation.MAILBOX_LOST, "The mailbox domain expired",
                "Known voice on a call, confirmed by the owner", change());
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.open(tenantId, member.id(), RecoveryCase.Situation.LOST_PASSWORD,
                "A second case for the same user", "The same phone call as before", change())).withMessageContaining("open already");
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> cases.sendCode(tenantId, lost.id(), change()))
                .withMessageContaining("mailbox on file is lost");
    }

    private RecoveryCase openAndVerify() {
        RecoveryCase opened = cases.open(tenantId, member.id(), RecoveryCase.Situation.LOST_PASSWORD, "Member lost the password",
                "Video call, compared with the ID on file", change());
        cases.sendCode(tenantId, opened.id(), change());
        return cases.verify(tenantId, opened.id(), codeMailedTo(member.email()), change());
    }

    private String codeMailedTo(String address) {
        return Mails.code(mailbox, address);
    }

    /** The token of the latest link to {@code path}: the reset comes after the invitation, a veto link alone. */
    private String linkTokenMailedTo(String address, String path) {
        return Mails.token(mailbox, address, path, path.equals("/activate") ? 2 : 1);
    }

    private static Refusal catchRefusal(java.util.concurrent.Callable<?> step) {
        try {
            step.call();
        } catch (Refusal refusal) {
            return refusal;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }

    private Change change() {
        return Change.of(support, "Recovery test");
    }
}
