#!/usr/bin/env python3
"""CPU seconds each process spent while a command ran (BENCHMARKS.md, Sync, "Stop 33": where a round's CPU goes).

    python3 loadtest/cpu-by-process.py -- ./wallet loadtest --users=10000 --rounds=5

Reads utime + stime from /proc/<pid>/stat before and after the command. The platform's services are named after
their .run/<name>.pid files (as ./wallet up wrote them); other processes by their command name, with kernel
threads' numbers dropped; the command itself and what it started is "command" (its children's rusage).
"""
import os
import re
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
RUN = Path(__file__).resolve().parent.parent / ".run"


def services():
    named = {}
    for pidfile in RUN.glob("*.pid"):
        try:
            named[pidfile.read_text().strip()] = pidfile.stem
        except OSError:
            pass
    return named


def snapshot():
    """pid -> (name, start time, CPU seconds) of every process now running."""
    named = services()
    processes = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        close = stat.rfind(")")
        fields = stat[close + 2:].split()
        name = named.get(pid) or re.sub(r"[/:.]?\d+.*$", "", stat[stat.find("(") + 1:close]) or "?"
        processes[pid] = (name, fields[19], (int(fields[11]) + int(fields[12])) / TICKS)
    return processes


def main():
    command = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
    if not command:
        sys.exit(__doc__)
    before = snapshot()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    exit_code = subprocess.run(command).returncode
    after = snapshot()
    used = Counter()
    for pid, (name, started, seconds) in after.items():
        was = before.get(pid)
        # a pid reused by a new process counts from zero
        used[name] += seconds - (was[2] if was and was[1] == started else 0)
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    used["command"] += (now.ru_utime - children.ru_utime) + (now.ru_stime - children.ru_stime)
    print(f"CPU seconds while the command ran, {sum(used.values()):.2f} in all:", file=sys.stderr)
    for name, seconds in used.most_common():
        if seconds >= 0.01:
            print(f"  {name:32s} {seconds:7.2f}", file=sys.stderr)
    sys.exit(exit_code)


if __name__ == "__main__":
    main()
