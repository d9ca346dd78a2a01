"""Locks on an output folder, so concurrent commands never lose or mix outputs.

Two lock files live in the output folder (hidden, so no table or command reads them):

- ``.factsheet-run.lock``: one ``extract`` run at a time. A run holds it from start-up
  (before it cleans leftover staging folders) to its end, so a ``.staging-*`` folder found
  while holding it belongs to a run that is gone; a second run waits for the first.
- ``.factsheet-commit.lock``: a reader/writer lock. ``extract`` takes it exclusively only
  while it renames its staged files into place (milliseconds); ``validate``, ``check`` and
  ``report`` take it shared while they read, so they never see a half-committed folder.

Both are ``filelock`` locks (``fcntl`` and SQLite underneath): the operating system releases
them when their process dies, so a killed run never leaves the folder locked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, ReadWriteLock, Timeout

RUN_LOCK = ".factsheet-run.lock"
COMMIT_LOCK = ".factsheet-commit.lock"


class FolderBusy(Exception):
    """Another run kept the output folder locked for longer than we were willing to wait."""


@contextmanager
def run_lock(out_dir: Path, timeout: float = -1, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the folder's run lock; if another run holds it, call ``on_wait`` once and wait up
    to ``timeout`` seconds (-1: as long as it takes), then raise ``FolderBusy``."""
    lock = FileLock(out_dir / RUN_LOCK, is_singleton=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if timeout == 0:
            raise FolderBusy(f"another extract run is writing to {out_dir}") from None
        if on_wait is not None:
            on_wait(f"waiting for another extract run writing to {out_dir} to finish")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise FolderBusy(f"another extract run kept {out_dir} busy for {timeout:g} s") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def committing(out_dir: Path) -> Iterator[None]:
    """Exclusive hold while staged files are renamed into ``out_dir`` (waits for readers)."""
    lock = ReadWriteLock(out_dir / COMMIT_LOCK, is_singleton=False)
    try:
        with lock.write_lock():
            yield
    finally:
        lock.close()


@contextmanager
def reading(out_dir: Path) -> Iterator[None]:
    """Shared hold while a command reads ``out_dir``: no commit happens meanwhile. A folder
    where the lock file cannot be created (read-only to this user) is read without it."""
    hold = ExitStack()
    try:
        lock = ReadWriteLock(out_dir / COMMIT_LOCK, is_singleton=False)
        hold.callback(lock.close)
        hold.enter_context(lock.read_lock())
    except (OSError, sqlite3.Error, ValueError):
        hold.close()
        yield
        return
    with hold:
        yield
