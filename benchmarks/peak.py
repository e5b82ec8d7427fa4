"""Run a command; write its wall time and peak memory as JSON to the file named first.

    python -S benchmarks/peak.py OUT.json COMMAND [ARG ...]

Why a separate process: on Linux a child's ``ru_maxrss`` starts from the resident size of the
process it was forked from (exec records the old address space's high-water mark), so a
benchmark parent that has grown to 200 MB would make every child look at least that big. This
launcher is a few megabytes, stays in the measured process group, and reaps the command with
``os.wait4``, which folds in the command's own children (``--jobs`` workers) as a maximum.
Standard library only, and run with ``-S``: it must stay small.
"""

import json
import os
import sys
import time


def main() -> int:
    out, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the command replaces this small copy of the launcher
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    kilobytes = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "maxrss_kb": kilobytes}, handle)
    return os.waitstatus_to_exitcode(status) % 256


if __name__ == "__main__":
    sys.exit(main())
