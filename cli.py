"""Command line of factsheet-extract: ``factsheet extract|validate|schema`` (also ``python cli.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Extract structured data from government fact sheets.")
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


@app.command()
def extract(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files and/or folders of *.txt (default: raw/).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("data"),
    prune: Annotated[bool, typer.Option(help="Remove outputs of documents that are not among the inputs.")] = False,
    fail_fast: Annotated[bool, typer.Option(help="Stop at the first file that fails.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Extract documents into JSON (one per document) and Parquet tables."""
    from pipeline.run import run_extract
    from pipeline.summary import summarize

    result = run_extract(paths or [Path("raw")], out_dir, prune=prune, fail_fast=fail_fast)
    for error in result.errors:
        err.print(f"[red]error[/red] {error.path}: {error.reason} ({error.hint})")
    if not quiet:
        out.print(summarize(result.extracted, out_dir))
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def validate(out_dir: Annotated[Path, typer.Argument(help="Output folder to check.")] = Path("data")) -> None:
    """Check that JSON and Parquet outputs are valid and consistent with each other."""
    from pipeline.validate import validate_dir

    problems = validate_dir(out_dir)
    for problem in problems:
        err.print(f"[red]problem[/red] {problem}")
    if problems:
        raise typer.Exit(1)
    out.print(f"{out_dir}: valid")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-document JSON file."""
    from schemas.export import schema_json

    sys.stdout.write(schema_json())


if __name__ == "__main__":
    app()
