"""A time budget for one document, so one pathological input cannot hold up a whole run.

The budget is a ``SIGALRM`` timer: when it fires, ``DocumentTimeout`` is raised in the code
that is running, which unwinds the document's extraction. Python code is interrupted at
once; a call into native code (Kiwi) is interrupted when it returns, which is why
``pipeline.tokens`` hands Kiwi bounded pieces of text. Signals only reach the main thread,
so elsewhere (Dask worker threads, a run started from a thread) the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_DOC_TIMEOUT = 300.0
"""Seconds one document may take before it becomes an error (a normal one takes under a second)."""


class DocumentTimeout(BaseException):
    """The document took longer than its budget (a ``BaseException``, like ``KeyboardInterrupt``,
    so that no ``except Exception`` inside an extractor swallows it)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than the time budget of {seconds:g} s")
        self.seconds = seconds


def can_enforce() -> bool:
    """Whether a budget can interrupt the current thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the body once ``seconds`` have passed (None or <= 0: no
    limit; nothing enforced where ``can_enforce()`` is false). Restores the previous handler."""
    if seconds is None or seconds <= 0 or not can_enforce():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
