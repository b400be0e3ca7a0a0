package com.iusign.platform.identity;

import com.iusign.platform.kernel.Refusal;

/** The tenant's domain does not (yet) carry the records that prove control of it: 409 {@code domain-not-proven}, with what was found. */
public class DomainNotProven extends Refusal {

    DomainNotProven(String detail) {
        super(409, "domain-not-proven", "Control of the domain is not proven", detail);
    }
}
