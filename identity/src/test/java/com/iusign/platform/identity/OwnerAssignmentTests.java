package com.iusign.platform.identity;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalStatus;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.SelfApproval;
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
import org.springframework.modulith.test.Scenario;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Owner assignment under four eyes, against real PostgreSQL and the test's SMTP server, on a clock the test moves. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
@Import(OwnerAssignmentTests.Clocks.class)
class OwnerAssignmentTests {

    private static final MovableClock CLOCK = MovableClock.startingNow();
    private static final String PASSWORD = "a long enough passphrase 2026";

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final OwnerAssignments assignments;
    private final Approvals approvals;
    private final SuperAdminAccounts accounts;
    private final AdminApiClients clients;
    private final SuperAdminInvitations invitations;
    private final EmbeddedMailbox mailbox;
    private Tenant tenant;
    private TenantId tenantId;
    private TenantUser owner;
    private TenantUser admin;
    private Actor alice;
    private Actor bob;

    OwnerAssignmentTests(TenantLifecycle lifecycle, TenantUsers users, OwnerAssignments assignments, Approvals approvals,
                         SuperAdminAccounts accounts, AdminApiClients clients, SuperAdminInvitations invitations, EmbeddedMailbox mailbox) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.assignments = assignments;
        this.approvals = approvals;
        this.accounts = accounts;
        this.clients = clients;
        this.invitations = invitations;
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
    void tenantWithOwnerAndAdmin() {
        tenant = TestTenants.provision(lifecycle, "business", "own");
        tenantId = tenant.id();
        owner = users.list(tenantId).getFirst();
        admin = users.add(tenantId, "admin@" + tenant.slug() + ".test", "Admin", "ADMIN", change(Actor.system("test"))).user();
        alice = superAdmin("alice");
        bob = superAdmin("bob");
    }

    @Test
    void aSecondSuperAdminsApprovalMovesTheOwnerRoleAndMailsBothPeople(Scenario scenario) {
        OwnerAssignment requested = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));

        assertThat(role(owner.id())).as("nothing changes before the approval").isEqualTo(UserRole.OWNER);
        assertThat(approvals.pending()).extracting(Approval::id).contains(requested.approvalId());

        scenario.stimulate(() -> approvals.approve(requested.approvalId(), change(bob)))
                .andWaitForEventOfType(TenantOwnerAssigned.class)
                .matching(event -> event.assignmentId().equals(requested.id()))
                .toArriveAndVerify(event -> {
                    assertThat(event.newOwnerEmail()).isEqualTo(admin.email());
                    assertThat(event.change().by()).isEqualTo(alice);
                    assertThat(event.approvedBy()).isEqualTo(bob);
                    assertThat(event.invited()).isFalse();
                });

        assertThat(role(admin.id())).isEqualTo(UserRole.OWNER);
        assertThat(role(owner.id())).isEqualTo(UserRole.ADMIN);
        assertThat(owners()).isEqualTo(1);
        assertThat(lifecycle.get(tenantId).ownerEmail()).isEqualTo(admin.email());
        assertThat(assignments.get(tenantId, requested.id()).status()).isEqualTo(OwnerAssignment.Status.COMPLETED);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to(admin.email()).isEmpty() && !mailbox.to(owner.email()).isEmpty());
        assertThat(mailbox.to(admin.email()).getLast().subject()).contains("you are now the owner of " + tenant.name());
        assertThat(mailbox.to(owner.email()).getLast().text()).contains("is now " + admin.email()).contains("administrator");
    }

    @Test
    void anInvitedOwnerGetsAnActivationLinkAndThePreviousOwnerCanBeDisabled() {
        String newOwner = "new-owner@" + tenant.slug() + ".test";
        OwnerAssignment requested = assignments.request(tenantId, null, newOwner, OwnerAssignment.PreviousOwner.DISABLED, change(alice));
        approvals.approve(requested.approvalId(), change(bob));

        TenantUser created = users.list(tenantId).stream().filter(user -> user.email().equals(newOwner)).findFirst().orElseThrow();
        assertThat(created.role()).isEqualTo(UserRole.OWNER);
        assertThat(users.get(tenantId, owner.id()).status()).isEqualTo(UserStatus.DISABLED);
        String token = tokenMailedTo(newOwner);
        assertThat(mailbox.to(newOwner).getLast().subject()).doesNotContain(token);

        users.activate(token, PASSWORD);
        assertThat(users.get(tenantId, created.id()).activated()).isTrue();
    }

    @Test
    void nobodyApprovesTheirOwnRequestNeitherThroughAClientNorThroughSomeoneTheyInvited() {
        OwnerAssignment requested = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));
        Actor alicesClient = Actor.apiClient(clients.register("Alice's automation", alice.name()).client().clientId());
        Actor invitee = Actor.superAdmin(invitations.invite("invitee-" + UUID.randomUUID() + "@iusign.test", change(alice)).email());

        assertThatExceptionOfType(SelfApproval.class).isThrownBy(() -> approvals.approve(requested.approvalId(), change(alice)))
                .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(403))
                .withMessageContaining("a second SuperAdmin");
        assertThatExceptionOfType(SelfApproval.class).isThrownBy(() -> approvals.approve(requested.approvalId(), change(alicesClient)))
                .withMessageContaining("acts for " + alice.name());
        assertThatExceptionOfType(SelfApproval.class).isThrownBy(() -> approvals.approve(requested.approvalId(), change(invitee)))
                .withMessageContaining("not an active SuperAdmin");
        accounts.activate(tokenMailedTo(invitee.name()), PASSWORD);
        assertThatExceptionOfType(SelfApproval.class).isThrownBy(() -> approvals.approve(requested.approvalId(), change(invitee)))
                .withMessageContaining("was invited by " + alice.name());
        assertThat(role(owner.id())).isEqualTo(UserRole.OWNER);
        assertThat(approvals.get(requested.approvalId()).status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aDecidedOrExpiredRequestCannotBeApprovedAndASecondOpenOneIsRefused() {
        OwnerAssignment requested = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> assignments.request(tenantId, null, "x@" + tenant.slug() + ".test", OwnerAssignment.PreviousOwner.ADMIN,
                        change(bob)))
                .withMessageContaining("already waiting for approval");

        approvals.reject(requested.approvalId(), change(bob));
        assertThat(assignments.get(tenantId, requested.id()).status()).isEqualTo(OwnerAssignment.Status.REJECTED);
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> approvals.approve(requested.approvalId(), change(bob)))
                .withMessageContaining("rejected already");

        OwnerAssignment again = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));
        CLOCK.advance(Duration.ofHours(25));
        assertThatExceptionOfType(Conflict.class).isThrownBy(() -> approvals.approve(again.approvalId(), change(bob)))
                .withMessageContaining("expired");
        assertThat(assignments.get(tenantId, again.id()).status()).isEqualTo(OwnerAssignment.Status.EXPIRED);
        assertThat(role(owner.id())).isEqualTo(UserRole.OWNER);
        OwnerAssignment third = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));
        approvals.reject(third.approvalId(), change(alice));
        assertThat(assignments.get(tenantId, third.id()).status()).as("the requester's own rejection is a cancellation")
                .isEqualTo(OwnerAssignment.Status.CANCELLED);
    }

    @Test
    void badTargetsAreRefusedByName() {
        Tenant other = TestTenants.provision(lifecycle, "business", "oth");
        TenantUser stranger = users.list(other.id()).getFirst();

        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> assignments.request(tenantId, stranger.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice)))
                .satisfies(refusal -> assertThat(refusal.fieldErrors()).containsKey("userId"));
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> assignments.request(tenantId, owner.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice)))
                .withMessageContaining("is the owner already");
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> assignments.request(tenantId, null, "not-an-address", OwnerAssignment.PreviousOwner.ADMIN, change(alice)))
                .satisfies(refusal -> assertThat(refusal.fieldErrors()).containsKey("email"));
        lifecycle.deactivate(tenantId, change(alice), null);
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice)))
                .withMessageContaining("deactivated");
    }

    @Test
    void concurrentApprovalsOfOneRequestCarryItOutOnceAndLeaveExactlyOneOwner() throws Exception {
        OwnerAssignment requested = assignments.request(tenantId, admin.id(), null, OwnerAssignment.PreviousOwner.ADMIN, change(alice));
        List<Actor> approvers = List.of(bob, superAdmin("carol"), superAdmin("dave"), superAdmin("erin"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(approvers.size());
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Actor approver : approvers) {
                Callable<String> approve = () -> {
                    start.await();
                    try {
                        approvals.approve(requested.approvalId(), change(approver));
                        return "approved";
                    } catch (Conflict refused) {
                        return "conflict";
                    }
                };
                outcomes.add(pool.submit(approve));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsOnlyOnce("approved").containsOnly("approved", "conflict");
        } finally {
            pool.shutdownNow();
        }
        assertThat(owners()).isEqualTo(1);
        assertThat(role(admin.id())).isEqualTo(UserRole.OWNER);
    }

    private String tokenMailedTo(String address) {
        return Mails.token(mailbox, address, "/activate", 1);
    }

    private long owners() {
        return users.list(tenantId).stream().filter(user -> user.role() == UserRole.OWNER).count();
    }

    private UserRole role(UUID userId) {
        return users.get(tenantId, userId).role();
    }

    private Actor superAdmin(String name) {
        return Actor.superAdmin(accounts.create(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@iusign.test",
                "superadmin " + name + " passphrase 2026").email());
    }

    private static Change change(Actor by) {
        return Change.of(by, "Owner assignment test");
    }
}
