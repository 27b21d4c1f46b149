"""The house in order: the import graph of ``src/saidwhat`` follows the data path.

Read with ``ast`` (nothing is imported): every ``import`` anywhere in a module counts, at the
top, inside a function or under ``TYPE_CHECKING``. A module may import its own step's modules
and the steps before it, never a later step and never the package face; no modules import
each other in a cycle; no module is longer than ``MAX_LINES`` unless its docstring says why.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "saidwhat"
MAX_LINES = 400

# The data path, ground floor first. Steps on one level may not import each other.
STEPS: list[set[str]] = [
    {"about", "errors", "records", "lang", "models"},
    {"read"},
    {"structure"},
    {"parse"},
    {"quotes"},
    {"speakers"},
    {"pipeline"},
    {"store"},
    {"run", "evaluate"},
    {"ingestion"},
    {"serve"},
    {"cli"},
    {"__init__", "__main__"},  # the package face
]
LEVEL = {step: level for level, steps in enumerate(STEPS) for step in steps}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def step_of(module: str) -> str:
    """The step a module belongs to: its first name below the package ('saidwhat' itself is
    the face)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imported(path: Path, module: str) -> set[str]:
    """Every saidwhat module the file imports (``from saidwhat.x import y`` counts as the
    module ``saidwhat.x.y`` when that is a module, else ``saidwhat.x``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


FILES = sorted((SRC / PACKAGE).rglob("*.py"))
MODULES = {module_name(path): path for path in FILES}
GRAPH = {module: imported(path, module) for module, path in MODULES.items()}


def test_the_layout_is_read():
    assert len(MODULES) > 60 and "saidwhat.lang.names" in MODULES
    assert {step_of(m) for m in MODULES} <= set(LEVEL), "a new top-level module needs a step"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_step_or_the_face(module):
    here = step_of(module)
    for target in sorted(GRAPH[module]):
        there = step_of(target)
        if there == here:
            continue
        assert target != PACKAGE, f"{module} imports the package face"
        assert LEVEL[there] < LEVEL[here], f"{module} ({here}) imports {target} ({there})"


def test_no_import_cycle():
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH.get(module, ())):
            if target not in MODULES:
                continue
            if state.get(target) == 1:
                cycle = path[path.index(target) :] + [target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_long_module_says_why(module):
    path = MODULES[module]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines <= MAX_LINES:
        return
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "Long because" in docstring, f"{module}: {lines} lines and no reason in its docstring"
