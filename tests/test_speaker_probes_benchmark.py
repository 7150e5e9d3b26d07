"""The speaker-probe benchmark (``benchmarks/speaker_probes.py``): its verdicts, and its data is
well formed (every needle occurs in its own snippet)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_ROOT = Path(__file__).resolve().parent.parent
_PATH = _ROOT / "benchmarks" / "speaker_probes.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speaker_probes_bench", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_part_of_the_name_is_the_speaker_a_letter_is_not(bench: ModuleType) -> None:
    assert bench.same_speaker("Donald Trump", "Trump")
    assert bench.same_speaker("China's foreign ministry", "China")
    assert not bench.same_speaker("Marcus Hollins", "A")
    assert not bench.same_speaker("Mike Pence", "Donald Trump")
    assert not bench.same_speaker("Mike Pence", None)


def test_an_unnamed_speaker_may_be_a_description_but_not_a_name(bench: ModuleType) -> None:
    assert bench.same_speaker("-", None) and bench.same_speaker("-", "a senior aide")
    assert bench.same_speaker("-", "Jones's mother") and bench.same_speaker("-", "Her lawyer")
    assert not bench.same_speaker("-", "Maria Estrada")


def test_every_needle_is_in_its_snippet(bench: ModuleType) -> None:
    files = sorted((_ROOT / "benchmarks" / "data" / "speaker-probes").glob("*/*.txt"))
    assert {f.parent.name for f in files} == {"development", "heldout", "agreement"}
    for f in files:
        blocks = bench.read_blocks(f)
        assert len(blocks) >= 30, f
        for text, wants in blocks:
            assert wants, (f, text[:60])
            for needle, want in wants:
                assert bench._norm(needle) in bench._norm(text), (f, needle)
                assert want, (f, needle)


def test_a_snippet_is_scored_by_its_needles(bench: ModuleType, tmp_path: Path) -> None:
    probe = tmp_path / "one.txt"
    probe.write_text('Margaret Olsen said the harbour was "a disgrace."\n---\n'
                     "a disgrace => Thomas Brandt\n", encoding="utf-8")
    result = bench.score_file(probe)
    assert result["expectations"] == 1 and result["wrong_confident"] + result["wrong_unsure"] == 1


def test_a_needle_is_scored_on_the_innermost_quote_holding_it(bench: ModuleType, tmp_path: Path) -> None:
    probe = tmp_path / "one.txt"
    probe.write_text("According to a report in the Herald, Mayor Paul Dorsey told aides that he would "
                     '"rather resign" than raise the tax.\n---\nrather resign => Paul Dorsey\n',
                     encoding="utf-8")
    assert bench.score_file(probe)["ok"] == 1  # the Herald's report holds his words too


@pytest.mark.parametrize(("folder", "sets", "second", "size"), [
    ("development", ("setC", "setD"), "setCD-second.txt", 34),  # held back in session 33
    ("heldout", ("setE", "setF"), "setEF-second.txt", 34),  # held back in session 34
    ("heldout", ("setI", "setJ"), "setIJ-second.txt", 34),  # held back in session 35
])
def test_the_second_annotation_covers_every_third_held_back_snippet(
        bench: ModuleType, folder: str, sets: tuple[str, str], second: str, size: int) -> None:
    data = _ROOT / "benchmarks" / "data" / "speaker-probes"
    blocks_of = [bench.read_blocks(data / folder / f"{f}.txt") for f in sets]
    sample = [b for blocks in blocks_of for i, b in enumerate(blocks) if i % 3 == 0]
    answers_of = bench.read_blocks(data / "agreement" / second)
    assert len(answers_of) == len(sample) == size
    for (text, wants), (text2, answers) in zip(sample, answers_of, strict=True):
        assert text == text2 and [n for n, _ in wants] == [n for n, _ in answers]
        agree = [(w == "-") == (a == "-")
                 and (w == "-" or bench.same_speaker(w, a) or bench.same_speaker(a, w))
                 for (_, w), (_, a) in zip(wants, answers, strict=True)]
        assert all(agree), text[:60]
