"""The cyclic garbage collector, tuned for the length of a batch run.

Linting a page makes and frees hundreds of thousands of small tuples and lists that hold no
reference cycles (hits, offsets); reference counting frees them. With the default threshold
the collector still ran a generation-0 pass every 700 net allocations and, now and then, a
full pass over the long-lived compiled lexicons: about 6% of a site run. For the run, what
exists once the pipeline is built is frozen (never scanned again, and shared untouched by
forked workers) and passes run every 10,000 net allocations; both are undone afterwards, so
a process that embeds claimlint gets its collector back as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLD = 10_000


@contextmanager
def batch_collector() -> Iterator[None]:
    """Freeze the objects that exist now and collect less often until the block ends."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(old[0], BATCH_THRESHOLD), old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()
