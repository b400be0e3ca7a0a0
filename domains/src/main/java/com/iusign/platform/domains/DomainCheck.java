package com.iusign.platform.domains;

/**
 * One row of a custom-domain diagnosis: which check, its verdict, what was found (for a human)
 * and, unless it passed, what to change.
 */
public record DomainCheck(String check, Status status, String detail, String fix) {

    public enum Status {
        PASS, WARN, FAIL
    }

    static DomainCheck pass(String check, String detail) {
        return new DomainCheck(check, Status.PASS, detail, "");
    }

    static DomainCheck warn(String check, String detail, String fix) {
        return new DomainCheck(check, Status.WARN, detail, fix);
    }

    static DomainCheck fail(String check, String detail, String fix) {
        return new DomainCheck(check, Status.FAIL, detail, fix);
    }
}
