package com.iusign.platform.identity;

/**
 * A tenant's sessions that would end now: refresh-token families whose current token is neither
 * rotated away, revoked nor expired and was issued after the tenant's sessions not-before (its last flush or
 * status change), and how many
 * distinct active users hold them; and the users who could sign in at all (active, with a password
 * set) — those a suspension refuses. A user flush that left its rows in place may make the session
 * count an over-count, never an under-count of what a suspension or flush ends.
 */
public record LiveSessions(long sessions, long users, long activatedUsers) {
}
