#!/usr/bin/env python3
"""Runs one command under GNU time, stopping it past a memory cap or a time limit, and prints one
line: name, exit status, wall seconds, peak RSS in MB, and the first line of its error output.

A watchdog polls the command's resident memory every 50 ms and kills it (SIGKILL) once it
passes CAP_MB, so that measuring the unfixed tool cannot take the machine down; the peak is then
reported as ">CAP". Exit status "killed" means the watchdog stopped it.

Usage: measure.py NAME CAP_MB TIMEOUT_S -- COMMAND...
"""
import os
import signal
import subprocess
import sys
import tempfile
import time


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main():
    name, cap, timeout = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing, \
            tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        runner = subprocess.Popen(["/usr/bin/time", "-v", "-o", timing.name] + command, stdout=out, stderr=err)
        stopped = None
        while runner.poll() is None:
            time.sleep(0.05)
            for child in children(runner.pid):
                if rss_mb(child) > cap:
                    stopped = f">{cap:.0f} MB"
                elif time.monotonic() - start > timeout:
                    stopped = f">{timeout:.0f} s"
                if stopped:
                    os.kill(child, signal.SIGKILL)
        wall = time.monotonic() - start
        peak = 0.0
        for line in timing.read().splitlines():
            if "Maximum resident set size" in line:
                peak = int(line.split(":")[1]) / 1024
        err.seek(0)
        first = next((line.strip() for line in err if line.strip()), "")
        status = "killed" if stopped else str(runner.returncode)
        peak_text = f">{cap:.0f}" if stopped and stopped.startswith(">") and "MB" in stopped else f"{peak:.0f}"
        print(f"{name}\t{status}\t{wall:.1f}\t{peak_text}\t{(stopped + ': ') if stopped else ''}{first[:160]}")


if __name__ == "__main__":
    main()
