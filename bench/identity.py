"""Whether this tree's outputs are byte-identical to those of a git ref.

For a change meant to alter speed only: ``python -m bench.identity --ref main -n 150`` extracts
with the code at ``--ref`` and with this tree (``--workers 1``), then compares every JSON and
Parquet file. Exits non-zero on any difference. The inputs are three sets, so that a change is
checked beyond the generated fact sheets it was timed on:

- ``generated``: ``-n`` documents of ``bench.corpus``;
- ``expressions``: every text of the expression and commitment corpora (``tests/corpus``),
  forty to a document, one paragraph each, under a dated title;
- ``samples``: ``raw/`` and the format fixtures beside the repository (when present).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bench.corpus import ROOT, build_corpus
from bench.run import checkout, extract_seconds, same_outputs

_CORPUS = ROOT / "tests" / "corpus"
_FIXTURES = ROOT.parent / "shared" / "fixtures" / "formats"
_PER_DOCUMENT = 40


def _texts(node: Any) -> Iterator[str]:
    """Every ``text`` value of a corpus file, in file order, whatever its nesting."""
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


def expression_documents(out_dir: Path) -> list[Path]:
    """Write the corpus texts as documents (Korean and English apart) and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in sorted(_CORPUS.rglob("*.yaml")):
        texts = list(_texts(yaml.safe_load(source.read_text(encoding="utf-8"))))
        for language in ("ko", "en"):
            chosen = [t for t in texts if any("\uac00" <= c <= "\ud7a3" for c in t) == (language == "ko")]
            for i in range(0, len(chosen), _PER_DOCUMENT):
                title = "보도자료 2021년 5월 21일" if language == "ko" else "Fact sheet, May 21, 2021"
                body = "\n\n".join(t.replace("\n", " ") for t in chosen[i : i + _PER_DOCUMENT])
                stem = "_".join(source.relative_to(_CORPUS).with_suffix("").parts)
                path = out_dir / f"{stem}_{language}_{i // _PER_DOCUMENT:03d}_{language}.txt"
                path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
                paths.append(path)
    return paths


def sample_documents(out_dir: Path) -> list[Path]:
    """``raw/`` and the format fixtures, copied into one folder (names kept distinct)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "raw").iterdir()) + (sorted(_FIXTURES.rglob("*.*")) if _FIXTURES.is_dir() else [])
    paths = []
    for source in sources:
        if source.is_file() and source.suffix in {".txt", ".hwpx", ".hwp", ".pdf", ".html"}:
            target = out_dir / f"{source.parent.name}_{source.name}"
            shutil.copyfile(source, target)
            paths.append(target)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ref", default="main", help="git ref to compare against")
    parser.add_argument("-n", type=int, default=150, help="generated documents")
    parser.add_argument("--sets", nargs="+", default=["generated", "expressions", "samples"])
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ref_tree = checkout(args.ref, tmp / "ref")
        builders = {
            "generated": lambda d: build_corpus(d, args.n),
            "expressions": expression_documents,
            "samples": sample_documents,
        }
        for name in args.sets:
            inputs = tmp / "inputs" / name
            paths = builders[name](inputs)
            outs = {label: tmp / "out" / name / label for label in ("ref", "tree")}
            for label, tree in ((args.ref, ref_tree), ("this tree", ROOT)):
                seconds = extract_seconds(tree, inputs, outs["ref" if tree is ref_tree else "tree"], workers=1)
                print(f"{name}: {label}: {len(paths)} documents in {seconds:.1f} s")
            differing = same_outputs(*outs.values())
            files = sum(1 for _ in outs["tree"].iterdir())
            if differing:
                failed = True
                print(f"{name}: {len(differing)} of {files} output files differ: {', '.join(differing[:10])}")
            else:
                print(f"{name}: all {files} output files byte-identical")
    if failed:
        sys.exit("outputs differ")


if __name__ == "__main__":
    main()
