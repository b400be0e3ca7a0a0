"""Turns bench/http/run.sh's results into the table of docs/benchmarks.md (between its markers) and prints it."""
import statistics
import sys
from collections import defaultdict

results, target, tenants, machine = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
BEGIN, END = "<!-- http-gate:begin -->", "<!-- http-gate:end -->"
NAMES = {"platform": "platform `GET /api/v1/me` (full gate + rate limit)",
         "keycloak": "Keycloak token introspection (dev mode, same machine)",
         "liveness": "platform `GET /actuator/health/liveness` (same HTTP stack, no token)"}


def ms(value):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    return float(value)


rows = defaultdict(list)
for line in open(results):
    connections, round_, arm, rps, p50, p99, non2xx, redis, hits, decisions, steady_redis, steady_decisions = line.rstrip("\n").split("\t")
    rows[(int(connections), arm)].append((float(rps), ms(p50), ms(p99), non2xx, int(redis), int(hits), int(decisions),
                                          int(steady_redis), int(steady_decisions)))

lines = [BEGIN, "", f"Machine: {machine}. Command: `bench/http/run.sh` "
         f"({len(next(iter(rows.values())))} interleaved rounds per arm after a 20 s warm-up each; the platform's {tenants} enterprise tenants' tokens, one each, are minted afresh before each of its rounds).", ""]
for connections in sorted({c for c, _ in rows}, reverse=True):
    lines += [f"**{connections} connections**", "", "| arm | mean req/s (rounds) | p50 | p99 | non-2xx |", "|---|---|---|---|---|"]
    means = {}
    for arm in ("platform", "keycloak", "liveness"):
        data = rows.get((connections, arm), [])
        if not data:
            continue
        means[arm] = statistics.mean(r[0] for r in data)
        rounds = " / ".join(f"{r[0]:,.0f}" for r in data)
        p50 = f"{min(r[1] for r in data):.1f}–{max(r[1] for r in data):.1f} ms"
        p99 = f"{min(r[2] for r in data):.1f}–{max(r[2] for r in data):.1f} ms"
        non2xx = ", ".join(sorted({r[3] for r in data}))
        lines.append(f"| {NAMES[arm]} | {means[arm]:,.0f} ({rounds}) | {p50} | {p99} | {non2xx} |")
    gate = rows.get((connections, "platform"), [])
    decided = sum(r[6] for r in gate)
    if decided:
        steady = sum(r[8] for r in gate)
        lines += ["", f"Platform rounds, from `/actuator/prometheus`: in steady state (from 3 s into each round to its end, "
                  f"{steady:,} gate answers) **{sum(r[7] for r in gate) / max(1, steady):.4f} Redis calls per request** by the rate "
                  f"limiter (goal ≤ 0.01; the gate's own reads come from its near cache); over whole rounds ({decided:,} answers, "
                  f"each tenant's first lease of a round included) {sum(r[4] for r in gate) / decided:.4f}; "
                  f"{100.0 * sum(r[5] for r in gate) / decided:.2f} % served by the verified-token cache (no signature check)."]
    if {"platform", "keycloak", "liveness"} <= means.keys():
        lines += ["", f"Ratios: platform / Keycloak introspection = **{means['platform'] / means['keycloak']:.2f}×** (goal ≥ 5); "
                  f"platform / its own HTTP ceiling = **{means['platform'] / means['liveness']:.2f}×** (goal ≥ 0.6).", ""]
lines.append(END)
table = "\n".join(lines)

document = open(target).read()
if BEGIN in document:
    document = document[: document.index(BEGIN)] + table + document[document.index(END) + len(END):]
else:
    document += "\n## The access gate at HTTP speed (issue 15)\n\n" + table + "\n"
open(target, "w").write(document)
print(table)
