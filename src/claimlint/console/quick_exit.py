"""Leave the process without tearing its heap down.

A lint run ends holding spaCy's vocabulary, the compiled lexicons and the findings: hundreds of
thousands of objects that CPython frees one by one when it exits, a quarter of a second of a
one-page run (1.60 s -> 1.35 s, median of ten). The operating system takes the memory back at
once. What an exit must still do is done first, in the same order: the atexit handlers (weakref
finalizers that remove temporary files among them), then flushing stdout and stderr.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def quick_exit(code: object) -> NoReturn:
    """Exit with `code` as SystemExit would, minus the teardown. A message for stderr (a str
    code), a thread still running, an output that cannot be flushed, or a profiler or tracer
    that writes its results after the program (`python -m cProfile -m claimlint`) takes the
    normal way, so that Python does what it always has."""
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if watched or not (code is None or isinstance(code, int)) or threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()  # runs each handler once and clears them
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            pass  # the reader went away (`| head`): the output is dropped, the status kept
        except (OSError, ValueError):
            raise SystemExit(code) from None  # disk full, closed: Python's own exit reports it
    os._exit(code or 0)
