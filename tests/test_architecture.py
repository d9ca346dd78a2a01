"""The import graph of ``pipeline``, ``schemas`` and ``cli``: no cycles, and lower layers never
reach the orchestrator. Read from the source with ``ast`` (every import: module level, inside
functions, under ``TYPE_CHECKING``), so a lazy import cannot hide a cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pipeline", "schemas")
ORCHESTRATOR = ("pipeline.run", "pipeline.engines", "cli")
"""Modules that drive a run: only the command line and each other may import them."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    found["cli"] = ROOT / "cli.py"
    return found


def _imported(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """Every known module ``path`` imports anywhere in its body (``from a import b`` counts ``a.b``
    when that is a module, else ``a``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: set(_imported(path, name, known)) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path ``a -> b -> ... -> a``, or None (iterative depth-first search).

    A package importing its own submodules (``pipeline.lang`` -> ``pipeline.lang.detect``) is
    how Python loads a package, not a cycle, so a module's edges to its own parents are skipped.
    """
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    for root in sorted(graph):
        if root in state:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        state[root] = 1
        while stack:
            node, edges = stack[-1]
            nxt = next(edges, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                continue
            if node.startswith(nxt + "."):
                continue
            if state.get(nxt) == 1:
                path = [n for n, _ in stack]
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(sorted(graph[nxt]))))
    return None


def test_graph_sees_lazy_and_type_checking_imports() -> None:
    graph = _graph()
    assert "pipeline.context" in graph["pipeline.extract"]
    assert "pipeline.lang.registry" in graph["pipeline.lang.ko"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_lower_layers_never_import_the_orchestrator() -> None:
    offenders = {
        name: sorted(targets & set(ORCHESTRATOR))
        for name, targets in _graph().items()
        if name not in ORCHESTRATOR and targets & set(ORCHESTRATOR)
    }
    assert offenders == {}


def test_tokenizer_does_not_know_the_gazetteer() -> None:
    assert not {t for t in _graph()["pipeline.tokens"] if t.startswith("pipeline.actors")}
