"""The direction of flow holds: no module imports a later stage (README, "The flow").

Order: page → article → analysis → chain → evaluate → store → corpus → views → cli. ``chain``
(``saidwhat.analyze``/``extract``, also the package root) runs page → article → analysis;
``evaluate`` scores the analysis; ``corpus`` ingests through the chain into the store. The shared
modules (``schema``, ``errors``, ``dates``, ``deadline``, ``runner``, ``sanitize``, ``workers``) may
be imported by any stage and import only each other.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "saidwhat"
LAYERS = ["page", "article", "analysis", "chain", "evaluate", "store", "corpus", "views", "cli"]
SHARED = {"schema", "errors", "dates", "deadline", "runner", "sanitize", "workers"}
ROOT = "chain"  # ``saidwhat/__init__.py`` is the public face of the chain
STAGES = ["page", "article", "analysis", "store", "views"]


def _part(module: str) -> str:
    """The layer or shared module a dotted ``saidwhat...`` name belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def _unit_of(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    first = rel.parts[0]
    return ROOT if first == "__init__" else first


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported saidwhat unit) for every import in the file, lazy and TYPE_CHECKING ones too."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, _part(a.name)) for a in node.names if a.name.split(".")[0] == "saidwhat"]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            if node.module == "saidwhat":
                units = [a.name if a.name in LAYERS or a.name in SHARED else ROOT for a in node.names]
                found += [(node.lineno, u) for u in units]
            elif node.module and node.module.split(".")[0] == "saidwhat":
                found.append((node.lineno, _part(node.module)))
    return found


def _violations() -> list[str]:
    rank = {name: i for i, name in enumerate(LAYERS)}
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        unit = _unit_of(path)
        assert unit in rank or unit in SHARED, f"{path}: not in any layer; add it to LAYERS or SHARED"
        for line, target in _imports(path):
            if target == unit or target in SHARED:
                continue
            if unit in SHARED or rank[target] > rank[unit]:
                bad.append(f"{path.relative_to(SRC)}:{line}: {unit} imports {target}")
    return bad


def test_no_module_imports_a_later_stage() -> None:
    assert _violations() == []


def test_the_check_sees_a_backward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "saidwhat"
    (fake / "page").mkdir(parents=True)
    (fake / "views").mkdir()
    bad = "def f():\n    from saidwhat.views import render\n"
    (fake / "page" / "bad.py").write_text(bad, encoding="utf-8")
    (fake / "views" / "ok.py").write_text("from saidwhat.page import load\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "SRC", fake)
    assert _violations() == ["page/bad.py:2: page imports views"]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_imports_alone_without_later_ones(stage: str) -> None:
    code = (f"import sys, saidwhat.{stage}\n"
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('saidwhat.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = {_part(m) for m in out.split()}
    later = set(LAYERS[LAYERS.index(stage) + 1:]) - {ROOT}
    assert not loaded & later, f"import saidwhat.{stage} loads {sorted(loaded & later)}"
