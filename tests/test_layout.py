"""The package's layout: the command line, the JSON Lines parts and the stream helpers
import one another without a cycle (the exit codes live in their own module)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "declutter"
#: Modules that must not sit on an import cycle.
ACYCLIC = ("declutter.cli", "declutter.jsonl", "declutter.streams", "declutter.parallel",
           "declutter.exitcodes", "declutter.console", "declutter.result", "declutter.explain")


def module_names() -> dict[str, Path]:
    names = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names[name] = path
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (at any level of its code)."""
    modules = module_names()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[:len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            found.update(c for c in candidates if c in modules and c != name)
        graph[name] = found
    return graph


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), list(graph[start])
    while todo:
        current = todo.pop()
        if current == goal:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(graph[current])
    return False


def test_no_import_cycle_through_the_command_line_and_its_parts():
    graph = import_graph()
    checked = [m for m in graph if m.startswith(ACYCLIC)]
    assert "declutter.jsonl.command" in checked and "declutter.exitcodes" in checked
    cycles = [m for m in checked if reaches(graph, m, m)]
    assert cycles == []
    assert not any("declutter.cli" in graph[m] for m in checked if m != "declutter.cli")
