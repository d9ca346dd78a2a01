"""A progress bar for long runs: drawn on stderr, only when stdout is a terminal and there
are more than a few documents (never in pipes, CI logs or with ``--quiet``)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

MIN_DOCUMENTS = 5


@contextmanager
def progress_bar(total: int, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """Yield a callback that advances the bar by one document (a no-op when hidden)."""
    if not enabled or total < MIN_DOCUMENTS or not sys.stdout.isatty():
        yield lambda: None
        return
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("extract", total=total)
        yield lambda: progress.advance(task)
