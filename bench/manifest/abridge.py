#!/usr/bin/env python3
"""Abridges bench/target/manifest-plans.txt (ManifestBenchmark's EXPLAIN ANALYZE of every statement of every class) to
one line per statement: what it is, the scans it ran (index or table, with the rows they produced) and its time.
Usage: abridge.py manifest-plans.txt > plans.md"""
import re
import sys

SCAN = re.compile(r"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan|Bitmap Heap Scan)(?: Backward)?(?: using (\S+))? on (\S+).*actual rows=(\d+)")

classes, current = [], None
for line in open(sys.argv[1]):
    if line and not line.startswith(" ") and line.strip():
        current = [line.strip().rstrip(":"), []]
        classes.append(current)
    elif line.strip().startswith("-- "):
        current[1].append([line.strip()[3:], [], ""])
    elif current and current[1]:
        match = SCAN.search(line)
        if match:
            kind, index, table, rows = match.groups()
            current[1][-1][1].append(f"{kind}{' ' + index if index else ' ' + table} ({int(rows):,})")
        elif "Execution Time" in line:
            current[1][-1][2] = line.split(":")[1].strip()

for name, statements in classes:
    print(f"- **{name}**")
    for label, scans, time in statements:
        print(f"  - {label}: {'; '.join(scans) or 'no scan'} — {time}")
