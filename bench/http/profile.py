#!/usr/bin/env python3
"""Summarises a JFR recording of the platform under wrk (bench/http/run.sh with PROFILE=1): the share of CPU samples
spent in each part of the request path (inclusive: a sample counts for every part on its stack) and the hottest
methods by their own time. Usage: profile.py recording.jfr [title]"""
import collections
import json
import subprocess
import sys

# Checked in order against each frame; a sample counts once per part however many of its frames match.
PARTS = [
    ("signature check (ES256)", ("sun.security.ec.", "sun.security.util.math", "com.nimbusds.jose.crypto.")),
    ("verified-token cache", ("com.iusign.platform.security.internal.VerifiedTokens",)),
    ("access gate checks", ("com.iusign.platform.security.internal.AccessGate", "com.iusign.platform.security.internal.GateCache")),
    ("rate limiter", ("com.iusign.platform.security.internal.TenantRateLimiter", "com.iusign.platform.security.internal.TokenBuckets")),
    ("Redis client (Lettuce, Netty)", ("io.lettuce.", "io.netty.")),
    ("bearer header (resolver)", ("com.iusign.platform.security.internal.BearerHeader",
        "org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver")),
    ("request firewall (header checks)", ("org.springframework.security.web.firewall.",)),
    ("Spring Security filter chains", ("org.springframework.security.",)),
    ("request matching (security matchers, MVC handler lookup)", ("org.springframework.security.web.util.matcher.",
        "org.springframework.security.web.servlet.util.matcher.", "org.springframework.web.servlet.handler.AbstractHandlerMethodMapping",
        "org.springframework.web.util.pattern.")),
    ("Spring MVC dispatch and message conversion", ("org.springframework.web.servlet.", "org.springframework.http.converter.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Micrometer observation and metrics", ("io.micrometer.",)),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("Vaadin", ("com.vaadin.",)),
    ("actuator health", ("org.springframework.boot.actuate.", "org.springframework.boot.health.")),
    ("Tomcat (HTTP parsing, connector, servlet container)", ("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.")),
    ("socket I/O (NIO)", ("sun.nio.ch.", "java.nio.channels.")),
]


def main():
    path = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else path
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    total = len(events)
    parts = collections.Counter()
    own = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        if names:
            own[names[0]] += 1
        for part, prefixes in PARTS:
            if any(name.startswith(prefixes) for name in names):
                parts[part] += 1
    print(f"**{title}** — {total:,} CPU samples (JFR, `profile` settings)\n")
    print("| part of the request path | share of samples (inclusive) |\n|---|---|")
    for part, _ in PARTS:
        print(f"| {part} | {100.0 * parts[part] / max(1, total):.1f} % |")
    print("\n| hottest methods (own time) | share |\n|---|---|")
    for name, count in own.most_common(8):
        print(f"| `{name}` | {100.0 * count / max(1, total):.1f} % |")
    print()


if __name__ == "__main__":
    main()
