package com.iusign.platform.domains;

/**
 * One row of a custom-domain diagnosis: which check, its verdict, what was found (for a human)
 * and, unless it passed, what to change. {@code NOT_RUN}: the check could not run because an
 * earlier one failed — neither a pass nor a warning about the domain.
 */
public record DomainCheck(String check, Status status, String detail, String fix) {

    public enum Status {
        PASS, WARN, FAIL, NOT_RUN;

        /** The console's word for it: "Pass", "Warning", "Fail", "Not run". */
        public String label() {
            return switch (this) {
                case PASS -> "Pass";
                case WARN -> "Warning";
                case FAIL -> "Fail";
                case NOT_RUN -> "Not run";
            };
        }
    }

    static DomainCheck pass(String check, String detail) {
        return new DomainCheck(check, Status.PASS, detail, "");
    }

    static DomainCheck warn(String check, String detail, String fix) {
        return new DomainCheck(check, Status.WARN, detail, fix);
    }

    static DomainCheck notRun(String check, String detail, String fix) {
        return new DomainCheck(check, Status.NOT_RUN, detail, fix);
    }

    static DomainCheck fail(String check, String detail, String fix) {
        return new DomainCheck(check, Status.FAIL, detail, fix);
    }
}
