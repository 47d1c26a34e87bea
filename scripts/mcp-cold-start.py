"""Time cold `errdex mcp` sessions: from writing `initialize` to reading the
answer of the first `lookup_error`, each run in a new process.

Usage: python3 scripts/mcp-cold-start.py PATH_TO_ERRDEX [RUNS]   (standard library only)
"""

import json
import statistics
import subprocess
import sys
import time

MESSAGE = "ModuleNotFoundError: No module named 'requests'"


def line(obj):
    return (json.dumps(obj) + "\n").encode()


def one_run(binary):
    started = time.perf_counter()
    p = subprocess.Popen([binary, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    spawned = time.perf_counter()
    p.stdin.write(line({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "cold-start", "version": "0"}}}))
    p.stdin.flush()
    assert json.loads(p.stdout.readline())["id"] == 1
    p.stdin.write(line({"jsonrpc": "2.0", "method": "notifications/initialized"}))
    p.stdin.write(line({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
        "name": "lookup_error", "arguments": {"message": MESSAGE}}}))
    p.stdin.flush()
    answer = json.loads(p.stdout.readline())
    done = time.perf_counter()
    assert answer["id"] == 2 and answer["result"]["structuredContent"]["count"] >= 1, answer
    p.stdin.close()
    p.wait()
    return (done - spawned) * 1000, (done - started) * 1000


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    times = [one_run(binary) for _ in range(runs)]
    for i, name in enumerate(["initialize -> first lookup answer", "spawn -> first lookup answer"]):
        ms = sorted(t[i] for t in times)
        print(f"{name}: median {statistics.median(ms):.2f} ms, min {ms[0]:.2f}, "
              f"max {ms[-1]:.2f} ({runs} runs)")


if __name__ == "__main__":
    main()
