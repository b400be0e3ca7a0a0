package com.iusign.platform.app.faults;

import com.iusign.platform.app.faults.GateLoad.Answer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the harness reports about the answers of one window of a fault case: how many requests at
 * what rate, the answers by kind, how many revoked credentials were accepted (the criterion that
 * must be zero), server errors apart from the sign-ins the platform shed on purpose, answers that
 * never came, valid credentials refused (a 503 of a missing database among them; answers in doubt —
 * in flight across a revocation — are neither) and the p99.
 */
record LoadSummary(String window, int requests, double seconds, long revokedAccepted, long serverErrors, long shed, long noAnswer,
                   long validRefused, long p99Micros, Map<String, Long> byStatus) {

    static LoadSummary of(String window, List<Answer> answers, long fromNanos, long toNanos) {
        List<Answer> inside = answers.stream().filter(answer -> answer.startNanos() >= fromNanos && answer.startNanos() < toNanos).toList();
        long[] micros = inside.stream().mapToLong(Answer::micros).sorted().toArray();
        Map<String, Long> byStatus = new TreeMap<>();
        for (Answer answer : inside) {
            byStatus.merge(answer.kind() + (answer.revoked() ? " revoked " : answer.inDoubt() ? " in doubt " : " ") + answer.status()
                    + (answer.problem().isEmpty() ? "" : " " + answer.problem()), 1L, Long::sum);
        }
        return new LoadSummary(window, inside.size(), (toNanos - fromNanos) / 1e9,
                count(inside, answer -> answer.revoked() && answer.accepted()),
                count(inside, answer -> answer.status() >= 500 && !answer.shed()),
                count(inside, Answer::shed),
                count(inside, answer -> answer.status() == 0),
                count(inside, answer -> !answer.revoked() && !answer.inDoubt() && !answer.accepted()),
                micros.length == 0 ? 0 : micros[(int) Math.min(micros.length - 1, Math.ceil(micros.length * 0.99) - 1)],
                byStatus);
    }

    private static long count(List<Answer> answers, Predicate<Answer> test) {
        return answers.stream().filter(test).count();
    }

    /** One row of docs/reliability.md's tables. */
    String row() {
        return "| %s | %d in %.1f s (%.0f/s) | %d | %d | %d | %d | %d | %.1f ms |".formatted(window, requests, seconds,
                seconds == 0 ? 0 : requests / seconds, revokedAccepted, serverErrors, shed, noAnswer, validRefused, p99Micros / 1000.0);
    }

    static String header() {
        return """
                | window | requests | revoked accepted | 5xx | sign-ins shed (503 busy) | no answer | valid refused | p99 |
                |---|---|---|---|---|---|---|---|""";
    }

    @Override
    public String toString() {
        return row() + " " + byStatus;
    }
}
