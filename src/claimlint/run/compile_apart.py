"""Compile the packs of a first run in a short-lived child process, not in the linting one.

Parsing and checking the packs and compiling their lexicons makes and frees about a hundred
megabytes of small Python objects, among which the few that live on (the rules, module
globals, caches) are scattered. CPython returns an arena of small objects to the system only
when all of it is free, so the linting process kept about 45 MB it no longer used, and the
first run on a machine peaked 20 MB higher than every later one (measured on a 2,000-page
site: 300 MB against 279 MB). A forked child does the compiling and writes the compiled-pack
cache; the parent then reads the cache exactly as a later run does. Where the child cannot
run or fails (no fork, other threads running, the cache off or unwritable, a pack error) the
parent compiles in process as before: the result is the same, only the memory differs.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from claimlint.nlp.engine import Linter

# The compiled-pack cache entries that one rule set's pipeline reads (packs/ruleset.py and
# nlp/matcher.py store them under the rule set's compiled_key).
KINDS = ("packs", "lexicons")


def compile_apart(linters: Iterable[Linter]) -> bool:
    """Build these linters' pipelines in a forked child when their compiled-pack cache
    entries are missing, and wait for it. True when a child ran and succeeded."""
    from claimlint.inputs.user_cache import compiled_stored

    todo = []
    for linter in {id(lx): lx for lx in linters}.values():
        key = linter.ruleset.compiled_key
        if key and not all(compiled_stored(k, key) for k in KINDS):
            todo.append(linter)
    if not todo or not _fork_is_safe():
        return False
    import claimlint.nlp.matcher  # noqa: F401 - spaCy, imported once here, not in the child too

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is never written (os._exit)
        status = 1
        try:
            for linter in todo:
                _ = linter.nlp
            status = 0
        finally:
            os._exit(status)  # no atexit handlers, no flushing of buffers the parent owns
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _fork_is_safe() -> bool:
    """Fork only a process with one thread (a fork copies locks other threads may hold) on
    a system that has it, and only with the compiled-pack cache on."""
    from claimlint.inputs.user_cache import compiled_cache_on

    return hasattr(os, "fork") and threading.active_count() == 1 and compiled_cache_on()
