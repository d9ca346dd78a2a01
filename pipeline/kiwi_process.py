"""Kiwi in a process of its own, beside the process that runs the Python stages.

Building Kiwi (about a second) and its first analysis (it loads its model then, more than a
second) hold the GIL, and so does turning each analysis into Python objects: in one process
they cannot overlap the imports, the gazetteer and the patterns at start-up, and during a run
they take the GIL from the Python stages of the previous document. A child process started at
the very beginning of a run builds Kiwi while this process imports and warms up, then
tokenizes each document's text (``pipeline.tokens.tokenize``, the same function, so the same
tokens) and sends the tokens back as four columns (cheap to pickle and to rebuild).

The child is a plain ``python -c`` process talking pickle over its stdin and stdout, importing
only ``pipeline.tokens`` and the lexicon. A document can be cancelled while the child works on
it (its time budget ran out): the child stops within one line. If the child cannot start or
dies, ``tokenize`` says so (``KiwiProcessGone``) and the caller tokenizes in its own process. One
Kiwi process serves every run of a process (``shared_process``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from itertools import repeat
from pathlib import Path
from typing import IO

from pipeline.tokens import Token, TokenizationCancelled

Columns = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]
"""A document's tokens as forms, tags, starts and ends (pickled at a fifth of the cost of tuples)."""

_ROOT = str(Path(__file__).resolve().parent.parent)
_CHILD = f"import sys; sys.path.insert(0, {_ROOT!r}); from pipeline.kiwi_process import serve; serve()"
"""The child's program: this tree's ``pipeline`` (whatever is installed), then ``serve``."""

POLL_SECONDS = 0.05
"""How often a caller waiting for tokens asks whether it has given up on the document."""


class KiwiProcessGone(Exception):
    """The Kiwi process is not running (it could not start, or it died): tokenize here."""


def _columns(tokens: list[Token]) -> Columns:
    if not tokens:
        return (), (), (), ()
    forms, tags, starts, ends = zip(*tokens, strict=True)
    return forms, tags, starts, ends


def _tokens(columns: Columns) -> list[Token]:
    """Tokens from columns; ``tuple.__new__`` skips the named tuple's Python-level ``__new__``."""
    forms = columns[0]
    return list(map(tuple.__new__, repeat(Token, len(forms)), zip(*columns, strict=True)))


class KiwiProcess:
    """A running Kiwi child: ``tokenize(text)`` from any thread; ``close()`` ends it."""

    def __init__(self) -> None:
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._pending: dict[int, Future[Columns | None]] = {}
        self._next = 0
        self._gone = False
        try:
            self._child: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        except OSError:
            self._child, self._gone = None, True
            return
        self._receiver = threading.Thread(target=self._receive, name="kiwi-replies", daemon=True)
        self._receiver.start()

    def owned(self) -> bool:
        """Whether this process started it (a forked copy of the object must not use its pipes)."""
        return self._owner == os.getpid()

    def alive(self) -> bool:
        """Whether it can still tokenize for this process."""
        return self.owned() and not self._gone and self._child is not None and self._child.poll() is None

    def _send(self, message: tuple[int, str | None]) -> None:
        assert self._child is not None and self._child.stdin is not None
        pickle.dump(message, self._child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self._child.stdin.flush()

    def submit(self, text: str) -> tuple[int, Future[Columns | None]]:
        """Send ``text`` to the child: its number and the future of its token columns (None
        when cancelled). Raises ``KiwiProcessGone`` when the child is not running."""
        future: Future[Columns | None] = Future()
        with self._lock:
            if self._gone:
                raise KiwiProcessGone
            seq = self._next
            self._next += 1
            self._pending[seq] = future
            try:
                self._send((seq, text))
            except (OSError, ValueError) as err:
                self._fail_all()
                raise KiwiProcessGone from err
        return seq, future

    def cancel(self, seq: int) -> None:
        """Ask the child to drop document ``seq`` (it stops within one line)."""
        with self._lock, contextlib.suppress(OSError, ValueError):
            if not self._gone:
                self._send((seq, None))

    def tokenize(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[Token]:
        """``pipeline.tokens.tokenize(text)`` done by the child. ``cancelled`` is asked while
        waiting: once it is true the child drops the document (``TokenizationCancelled``)."""
        seq, future = self.submit(text)
        while True:
            try:
                columns = future.result(timeout=POLL_SECONDS if cancelled is not None else None)
                break
            except FutureTimeout:
                if cancelled is not None and cancelled():
                    self.cancel(seq)
                    raise TokenizationCancelled from None
        if columns is None:
            raise TokenizationCancelled
        return _tokens(columns)

    def _receive(self) -> None:
        """Hand each reply to its future; when the child's output ends, fail every waiter."""
        assert self._child is not None and self._child.stdout is not None
        replies = self._child.stdout
        try:
            while True:
                seq, payload = pickle.load(replies)
                with self._lock:
                    future = self._pending.pop(seq, None)
                if future is None:
                    continue
                if isinstance(payload, str):
                    future.set_exception(KiwiProcessGone(payload))
                else:
                    future.set_result(payload)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            pass
        with self._lock:
            self._fail_all()

    def _fail_all(self) -> None:
        """Mark the child gone and fail every waiting future (the lock is held)."""
        self._gone = True
        pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(KiwiProcessGone("the Kiwi process ended"))

    def close(self) -> None:
        """End the child (closing its input ends its loop; killed if it does not stop)."""
        child = self._child
        if child is None:
            return
        with self._lock:
            self._gone = True
            if child.stdin is not None:
                with contextlib.suppress(OSError):
                    child.stdin.close()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        self._receiver.join(timeout=5)
        if child.stdout is not None:
            child.stdout.close()


_shared: KiwiProcess | None = None
_shared_lock = threading.Lock()


def shared_process() -> KiwiProcess:
    """This process's Kiwi process, started at the first call (again if it ended). It stays for
    later runs in the same process (a second run would pay Kiwi's start-up again) and ends
    when this process exits (its input closes)."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.alive():
            if _shared is None:
                atexit.register(end_shared)
            _shared = KiwiProcess()
        return _shared


def start_early() -> None:
    """Start the shared Kiwi process now, at the very beginning of a run."""
    shared_process()


def end_shared() -> None:
    """End the shared Kiwi process (a run that uses worker processes instead, or at exit)."""
    global _shared
    with _shared_lock:
        process, _shared = _shared, None
    if process is not None and process.owned():
        process.close()


# --- the child ---------------------------------------------------------------------------------


def _read_requests(requests: IO[bytes], queue: list[tuple[int, str]], cancelled: set[int], ready: threading.Condition) -> None:
    """Queue each text; a ``None`` text cancels that number. An empty ``(-1, "")`` marks the end."""
    try:
        while True:
            seq, text = pickle.load(requests)
            with ready:
                if text is None:
                    cancelled.add(seq)
                else:
                    queue.append((seq, text))
                ready.notify()
    except (EOFError, OSError, pickle.UnpicklingError, ValueError):
        with ready:
            queue.append((-1, ""))
            ready.notify()


def serve() -> None:
    """The child's loop: build Kiwi and load its model at once, then tokenize each text sent
    on stdin and send ``(number, columns)`` back on stdout (``None`` when cancelled, a message
    when tokenizing failed), until stdin closes."""
    from pipeline.tokens import get_kiwi, tokenize

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it closes our input
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the replies
    queue: list[tuple[int, str]] = []
    cancelled: set[int] = set()
    ready = threading.Condition()
    threading.Thread(target=_read_requests, args=(requests, queue, cancelled, ready), daemon=True).start()
    get_kiwi()
    tokenize("가")  # Kiwi loads its model at the first analysis
    while True:
        with ready:
            ready.wait_for(lambda: bool(queue))
            seq, text = queue.pop(0)
        if seq < 0:
            return
        pickle.dump((seq, _reply(seq, text, cancelled)), replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()


def _reply(seq: int, text: str, cancelled: set[int]) -> Columns | str | None:
    """Document ``seq``'s token columns; None once it is cancelled; a message if Kiwi failed
    (the caller then tokenizes in its own process, and meets the failure there)."""
    from pipeline.tokens import tokenize

    if seq in cancelled:
        return None
    try:
        return _columns(tokenize(text, lambda: seq in cancelled))
    except TokenizationCancelled:
        return None
    except Exception as err:
        return f"{type(err).__name__}: {err}"
