"""The actor identity benchmark's own arithmetic (``benchmarks/actor_identity.py``) on made-up items."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "actor_identity.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("actor_identity_bench", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _items(bench: ModuleType) -> list:  # type: ignore[type-arg]
    item = bench.Item
    # a large predicted actor holding one wrong item (its local actor's majority is right: a
    # within-article error whose speaker lies inside the gold content), and a right pair
    big = [item(f"a{k}", "E1", "Trump", "person:trump", f"a{k}:a1") for k in range(9)]
    big.append(item("a9", "E2", "Cruz", "person:trump", "a9:a1", embedded=True))
    big.append(item("a9", "E1", "Trump", "person:trump", "a9:a1"))
    big.append(item("a9", "E3", "Trump", "person:trump", "a9:a1"))
    pair = [item("b1", "E1", "Kasich", "person:kasich", "b1:a2"),
            item("b2", "E1", "Kasich", "person:kasich", "b2:a1")]
    return big + pair


def test_precision_loss_adds_up_to_one_minus_bcubed_precision(bench: ModuleType) -> None:
    items = _items(bench)
    loss = bench.precision_loss(items)
    assert loss["loss"] == pytest.approx(1 - bench.bcubed(items)["p"])
    # the wrong item costs its own precision (11/12 of it) and 1/12 of each of the 11 right ones'
    assert loss["loss"] == pytest.approx((11 / 12 + 11 / 12) / len(items))


def test_precision_loss_counts_the_largest_actors_and_embedded_errors(bench: ModuleType) -> None:
    loss = bench.precision_loss(_items(bench))
    assert loss["largest_actors"] == [12, 2]
    assert loss["largest_wrong"] == 1
    assert loss["largest_loss"] == pytest.approx(loss["loss"])
    assert (loss["within_article_errors"], loss["embedded"]) == (1, 1)


def test_precision_loss_of_no_items_is_empty(bench: ModuleType) -> None:
    assert bench.precision_loss([]) == {}


def test_a_cache_of_more_articles_serves_a_gold_s_subset_and_one_of_fewer_is_refused(
        bench: ModuleType, tmp_path: Path) -> None:
    from saidwhat.schema import AnalyzedArticle

    cache = tmp_path / "cache.jsonl"
    arts = [AnalyzedArticle(text=f"Text {k}.", source=f"polnear/train/a{k}.txt") for k in range(3)]
    cache.write_text("".join(a.model_dump_json() + "\n" for a in arts), encoding="utf-8")
    before = cache.read_text(encoding="utf-8")
    got = bench.analyses(tmp_path, ["a2", "a0"], cache)
    assert [a.text for a in got] == ["Text 2.", "Text 0."]
    with pytest.raises(SystemExit, match="holds 1 of the 2 articles"):
        bench.analyses(tmp_path, ["a1", "a7"], cache)
    assert cache.read_text(encoding="utf-8") == before  # never overwritten


def test_step_kinds_tell_an_article_actor_under_its_own_name_from_one_joined_under_another(
        bench: ModuleType) -> None:
    from types import SimpleNamespace

    path = _PATH.parent / "identity_by_size.py"
    spec = importlib.util.spec_from_file_location("identity_by_size_bench", path)
    assert spec is not None and spec.loader is not None
    by_size = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(by_size)
    item = bench.Item
    rubio = [item(f"r{k}", "E1", "Marco Rubio", "person:marco-rubio", f"r{k}:a1") for k in range(3)]
    # an article's "Rubio" holding two of Trump's quotes, and "the senator" who is Cruz
    wrong = [item("x", "E1", "Donald Trump", "person:marco-rubio", "x:a1"),
             item("x", "E2", "Donald Trump", "person:marco-rubio", "x:a1"),
             item("y", "E1", "Ted Cruz", "person:marco-rubio", "y:a2")]
    arts = [SimpleNamespace(source=f"{a}.txt", actors=[SimpleNamespace(id=i, name=n)])
            for a, i, n in [("r0", "a1", "Rubio"), ("r1", "a1", "Marco Rubio"), ("r2", "a1", "Marco Rubio"),
                            ("x", "a1", "Marco Rubio"), ("y", "a2", "the senator")]]
    kinds = by_size.step_kinds(rubio + wrong, arts)
    assert kinds == {"own name": 2, "other name": 1}
