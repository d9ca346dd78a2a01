"""Command line of factsheet-extract: ``factsheet extract|validate|check|report|schema`` (also ``python cli.py``)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from pipeline.budget import DEFAULT_DOC_TIMEOUT


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


app = typer.Typer(add_completion=False, no_args_is_help=True, help="Extract structured data from government fact sheets.")
# markup off: paths and document text are printed as they are (``o[/]x``, ``bad[red].txt``)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
out = Console(highlight=False, soft_wrap=True, markup=False)


def _say(console: Console, label: str, style: str, message: str) -> None:
    """``label message`` with only the label styled; ``message`` is never read as markup."""
    console.print(Text.assemble((label, style), " ", message))


@app.command()
def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files and/or folders of documents (default: raw/).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("data"),
    prune: Annotated[bool, typer.Option(help="Remove outputs of documents that are not among the inputs.")] = False,
    fail_fast: Annotated[bool, typer.Option(help="Stop at the first file that fails.")] = False,
    pair: Annotated[
        tuple[str, str] | None,
        typer.Option(help="Pair a Korean and an English document (paths or doc ids); the pair is kept in later runs."),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: by input size and cores).", min=1)] = None,
    engine: Annotated[Engine, typer.Option(help="local: processes on this machine; dask: a Dask cluster.")] = Engine.LOCAL,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a LocalCluster).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors; no progress bar.")] = False,
    doc_timeout: Annotated[
        float,
        typer.Option(help="Seconds one document may take before it becomes an error (0: no limit).", min=0),
    ] = DEFAULT_DOC_TIMEOUT,
    lock_timeout: Annotated[
        float | None,
        typer.Option(help="Seconds to wait while another run writes to --out (default: as long as it takes).", min=0),
    ] = None,
    doc_date: Annotated[
        dt.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Date (YYYY-MM-DD) of documents whose text, metadata and file name give none (date_source: option).",
        ),
    ] = None,
) -> None:
    """Extract documents into JSON (one per document) and Parquet tables."""
    from pipeline.engines import WorkersKeepDying
    from pipeline.locks import FolderBusy
    from pipeline.progress import progress_bar
    from pipeline.run import collect_inputs, run_extract
    from pipeline.summary import summarize

    pairs = [(Path(pair[0]).stem, Path(pair[1]).stem)] if pair else []
    inputs = paths or [Path("raw")]
    total = len(collect_inputs(inputs)[0])
    try:
        with progress_bar(total, enabled=not quiet) as advance:
            result = run_extract(
                inputs,
                out_dir,
                prune=prune,
                fail_fast=fail_fast,
                pairs=pairs,
                workers=workers,
                engine=engine.value,
                scheduler=scheduler,
                on_document=advance,
                doc_timeout=doc_timeout or None,
                lock_timeout=-1 if lock_timeout is None else lock_timeout,
                on_wait=lambda message: _say(err, "waiting", "yellow", message),
                doc_date=doc_date.date() if doc_date else None,
            )
    except WorkersKeepDying as dying:
        _say(err, "error", "red", f"{dying} (previous outputs are unchanged)")
        raise typer.Exit(2) from dying
    except FolderBusy as busy:
        _say(err, "error", "red", f"{busy} (previous outputs are unchanged; try again when it has finished)")
        raise typer.Exit(2) from busy
    except OSError as failure:
        reason = failure.strerror or failure
        _say(err, "error", "red", f"cannot write outputs to {out_dir}: {reason} (previous outputs are unchanged)")
        raise typer.Exit(2) from failure
    for error in result.errors:
        _say(err, "error", "red", f"{error.path}: {error.reason} ({error.hint})")
    if not quiet:
        out.print(summarize(result.extracted, out_dir))
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def validate(out_dir: Annotated[Path, typer.Argument(help="Output folder to check.")] = Path("data")) -> None:
    """Check that JSON and Parquet outputs are valid and consistent with each other."""
    from pipeline.validate import validate_dir

    problems = validate_dir(out_dir)
    for problem in problems:
        _say(err, "problem", "red", problem)
    if problems:
        raise typer.Exit(1)
    out.print(f"{out_dir}: valid")


@app.command()
def check(
    out_dir: Annotated[Path, typer.Argument(help="Output folder to check.")] = Path("data"),
    strict: Annotated[bool, typer.Option(help="Also fail on bullets without a counterpart.")] = False,
) -> None:
    """Cross-check aligned Korean/English bullets: amounts and dates must agree."""
    from pipeline.check import check_dir

    findings = check_dir(out_dir)
    failures = [f for f in findings if f.kind != "unpaired" or strict]
    for finding in findings:
        label, style = ("disagree", "red") if finding in failures else ("note", "yellow")
        _say(out, label, style, finding.message)
    if failures:
        raise typer.Exit(1)
    out.print(f"{out_dir}: no disagreement between aligned versions")


class ListFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


@app.command()
def commitments(
    out_dir: Annotated[Path, typer.Argument(help="Output folder with the document JSON files.")] = Path("data"),
    party: Annotated[str | None, typer.Option(help="Only commitments of this actor id (KOR).")] = None,
    sector: Annotated[str | None, typer.Option(help="Only commitments in this sector (batteries).")] = None,
    modality: Annotated[str | None, typer.Option(help="Only this modality (committed, planned, ...).")] = None,
    format: Annotated[ListFormat, typer.Option("--format", help="table, csv or json.")] = ListFormat.TABLE,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            help="Comma-separated columns, or 'all'. Default: every column for csv and json; "
            "commitment_id, parties, action, modality, amounts, counterparts, sectors for the table.",
        ),
    ] = None,
) -> None:
    """List the commitments of an output folder: who, what, how much, how firmly."""
    import csv
    import json

    from rich import box
    from rich.table import Table

    from pipeline.commitments.listing import COLUMNS, TABLE_COLUMNS, commitment_rows, pick_columns

    try:
        shown = pick_columns(columns, TABLE_COLUMNS if format == ListFormat.TABLE else COLUMNS)
    except ValueError as e:
        _say(err, "error", "red", f"--columns: {e}")
        raise typer.Exit(2) from None
    if not out_dir.is_dir():
        _say(err, "error", "red", f"{out_dir}: no such folder (run `factsheet extract` first)")
        raise typer.Exit(1)
    rows = [{c: row[c] for c in shown} for row in commitment_rows(out_dir, party, sector, modality)]
    if format == ListFormat.JSON:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format == ListFormat.CSV:
        writer = csv.DictWriter(sys.stdout, fieldnames=shown, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:  # cells wrap within the terminal's width instead of being cut to a few letters
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for c in shown:  # the short enum columns stay whole; the others wrap at spaces
            table.add_column(c, overflow="fold", no_wrap=c in {"action", "modality"})
        for row in rows:
            table.add_row(*(str(row[c]) for c in shown))
        Console(highlight=False, markup=False).print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-document JSON file."""
    from schemas.export import schema_json

    sys.stdout.write(schema_json())


@app.command()
def report(
    data_dir: Annotated[Path, typer.Argument(help="Output folder with the document JSON files.")] = Path("data"),
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the HTML pages.")] = Path("report"),
) -> None:
    """Write a self-contained HTML review page per document, plus index.html."""
    from pipeline.report import write_report

    if not data_dir.is_dir():
        _say(err, "error", "red", f"{data_dir}: no such folder (run `factsheet extract` first)")
        raise typer.Exit(1)
    try:
        written = write_report(data_dir, out_dir)
    except OSError as failure:
        _say(err, "error", "red", f"cannot write the report to {out_dir}: {failure.strerror or failure}")
        raise typer.Exit(2) from failure
    out.print(f"{len(written) - 1} document pages and {out_dir / 'index.html'}")


if __name__ == "__main__":
    app()
