"""Tasks for a pool's worker processes that stand in for documents crashing their worker
(a fault in native code, the out-of-memory killer): importable by name, as spawned workers
need. A document whose id starts with ``crash`` kills its worker; the others give their id."""

from __future__ import annotations

import os
import time

from pipeline.engines import Extracted, Job, Outcome


def crash_on_marked(job: Job) -> Outcome:
    """``os._exit`` (no cleanup, like a segfault) for a marked document; a quick outcome else."""
    if job.doc_id.startswith("crash"):
        time.sleep(0.2)  # let the other worker pick up a document: it is in flight when the pool breaks
        os._exit(70)
    return Extracted(job.doc_id, job.doc_id.encode())


def always_crash(job: Job) -> Outcome:
    """A worker that dies on every document, as when the workers themselves cannot work."""
    os._exit(71)
