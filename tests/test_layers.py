"""``components/`` in layers: each package builds only on the ones below it, and the two pure layers run without
Streamlit, so the model, the link parsing and every page's computation can be used and tested on their own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "topics", "store", "server", "ui")
"""Lowest first: a module may import from its own package and the ones before it."""
PURE = ("core", "topics")


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / "components" / package).glob("*.py"))


def _imported_packages(path: Path) -> set[str]:
    """The ``components`` packages a module imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        found |= {name.split(".")[1] for name in names if name.startswith("components.")}
    return found


def test_components_holds_only_its_layers():
    loose = [p.name for p in (ROOT / "components").iterdir() if p.is_file() and p.name != "__init__.py"]
    packages = {p.name for p in (ROOT / "components").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert (loose, packages) == ([], set(LAYERS))


@pytest.mark.parametrize("package", LAYERS)
def test_each_layer_builds_only_on_the_layers_below_it(package):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    reaching_up = {
        path.name: sorted(_imported_packages(path) - allowed)
        for path in _modules(package)
        if _imported_packages(path) - allowed
    }
    assert reaching_up == {}


def test_the_pure_layers_import_no_streamlit():
    modules = [f"components.{package}.{path.stem}" for package in PURE for path in _modules(package)]
    probe = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))"
    )
    imported = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(modules) > 10
    assert imported.stdout.strip() == "[]"
