"""Whether this tree's outputs are byte-identical to those of a git ref on a generated corpus.

For a change meant to alter speed only: ``python -m bench.identity --ref main -n 150`` extracts
the same generated documents (``bench.corpus``) with the code at ``--ref`` and with this tree
(``--workers 1``), then compares every JSON and Parquet file. Exits non-zero on any difference.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.corpus import ROOT, build_corpus
from bench.run import checkout, extract_seconds, same_outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ref", default="main", help="git ref to compare against")
    parser.add_argument("-n", type=int, default=150, help="generated documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paths = build_corpus(tmp / "inputs", args.n)
        trees = {args.ref: checkout(args.ref, tmp / "ref"), "this tree": ROOT}
        outs = {label: tmp / "out" / str(i) for i, label in enumerate(trees)}
        for label, tree in trees.items():
            seconds = extract_seconds(tree, tmp / "inputs", outs[label], workers=1)
            print(f"{label}: {len(paths)} documents in {seconds:.1f} s")
        differing = same_outputs(*outs.values())
        files = sum(1 for _ in outs["this tree"].iterdir())
    if differing:
        sys.exit(f"{len(differing)} of {files} output files differ: {', '.join(differing[:10])}")
    print(f"all {files} output files byte-identical")


if __name__ == "__main__":
    main()
