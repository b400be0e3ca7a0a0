package com.iusign.platform.fleet;

/** What a fleet job does to each of its tenants. */
public enum FleetAction {
    SUSPEND("Suspend", "suspended"),
    REACTIVATE("Reactivate", "reactivated"),
    FLUSH("Flush sessions of", "flushed");

    private final String verb;
    private final String pastTense;

    FleetAction(String verb, String pastTense) {
        this.verb = verb;
        this.pastTense = pastTense;
    }

    /** "Suspend", as in "Suspend 120 tenants". */
    public String verb() {
        return verb;
    }

    public String pastTense() {
        return pastTense;
    }
}
