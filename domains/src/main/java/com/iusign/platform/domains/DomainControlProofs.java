package com.iusign.platform.domains;

import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Proof that whoever speaks for a tenant controls its custom domain right now: the standing
 * ownership record ({@code _iusign-verification.<domain>}) still carries the tenant's token, and a
 * fresh random value, issued for one purpose, has been published as TXT at
 * {@code _iusign-<purpose>.<domain>}. Used where a mailbox cannot be (an account recovery whose
 * mailbox is gone). Asked of the same resolver as the diagnostics.
 */
@Service
public class DomainControlProofs {

    /** What the tenant must publish: a TXT record {@code name} with exactly {@code value}. */
    public record Challenge(String domain, String name, String value) {
    }

    /** The outcome of a check; {@code detail} says what was found, for the person who asked. */
    public record Result(boolean proven, String detail) {
    }

    private final SecureRandom random = new SecureRandom();
    private final TenantLifecycle lifecycle;
    private final TenantDomains domains;
    private final DomainResolver resolver;

    DomainControlProofs(TenantLifecycle lifecycle, TenantDomains domains, ObjectProvider<DomainResolver> resolver) {
        this.lifecycle = lifecycle;
        this.domains = domains;
        this.resolver = resolver.getIfAvailable(com.iusign.platform.domains.internal.SystemDomainResolver::new);
    }

    /**
     * A fresh challenge for {@code purpose} (lowercase letters and dashes).
     *
     * @throws Conflict when the tenant has no custom domain
     */
    public Challenge issue(TenantId tenantId, String purpose) {
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.customDomain() == null || tenant.customDomain().isBlank()) {
            throw new Conflict("customDomain", tenant.name() + " has no custom domain, so control of one cannot prove anything");
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return new Challenge(tenant.customDomain(), "_iusign-" + purpose + "." + tenant.customDomain(),
                "iusign-" + purpose + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Looks both records up now; DNS that cannot be asked proves nothing. */
    public Result check(TenantId tenantId, Challenge challenge) {
        Tenant tenant = lifecycle.get(tenantId);
        if (!challenge.domain().equals(tenant.customDomain())) {
            return new Result(false, "The tenant's custom domain changed since the challenge (now " + tenant.customDomain() + ")");
        }
        try {
            String ownership = "_iusign-verification." + challenge.domain();
            if (!resolver.txt(ownership).contains(domains.verificationToken(tenantId))) {
                return new Result(false, ownership + " does not carry the tenant's ownership token: the domain is not proven the tenant's");
            }
            List<String> published = resolver.txt(challenge.name());
            if (!published.contains(challenge.value())) {
                return new Result(false, challenge.name() + " does not carry the value yet (found " + published.size() + " TXT value(s));"
                        + " DNS may take a few minutes");
            }
            return new Result(true, "Both " + ownership + " and " + challenge.name() + " carry the expected values");
        } catch (UncheckedIOException e) {
            return new Result(false, "DNS could not be asked: " + e.getMessage());
        }
    }
}
