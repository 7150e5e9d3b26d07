"""The ``actors`` and ``diversity`` commands on a small store of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from identity_texts import Voice, story
from saidwhat.cli import main
from saidwhat.store import open_store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.sqlite")
    with open_store(path) as store:
        store.add_article(story(1, Voice("Ivana Trump", pronoun="she"), outlet="A", published="2024-01-02"))
        store.add_article(story(2, Voice("Ivana Zelnickova"), Voice("Tom Berg", pronoun="he"), outlet="B",
                                published="2024-02-03"))
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_merge_split_edits_and_import(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit = run_json(capsys, "actors", "merge", "person:ivana-zelnickova", "person:ivana-trump", "--db", db,
                    "--note", "maiden name")
    assert isinstance(edit, dict) and edit["action"] == "merge"
    shown = run_json(capsys, "actors", "show", "person:ivana-trump", "--db", db)
    assert isinstance(shown, dict) and shown["aliases"] == ["Ivana Zelnickova"]
    assert shown["gender"] == "female"
    split = run_json(capsys, "actors", "split", "person:ivana-trump", "--name", "Ivana Zelnickova",
                     "--db", db)
    assert isinstance(split, dict) and split["into"].startswith("person:ivana-trump~")
    edits = run_json(capsys, "actors", "edits", "--db", db)
    assert isinstance(edits, list) and [e["action"] for e in edits] == ["merge", "split"]
    exported = tmp_path / "edits.json"
    exported.write_text(json.dumps(edits), encoding="utf-8")
    fresh = str(tmp_path / "fresh.sqlite")
    with open_store(fresh) as store:
        store.add_article(story(2, Voice("Ivana Zelnickova"), outlet="B"))
        store.add_article(story(3, Voice("Ivana Trump"), outlet="B"))
    assert main(["actors", "import-edits", str(exported), "--db", fresh]) == 0
    assert "2 edits recorded" in capsys.readouterr().out
    listed = run_json(capsys, "actors", "list", "--db", fresh)
    assert isinstance(listed, dict) and sorted(a["key"] for a in listed["items"]) == [
        "person:ivana-trump", split["into"]]


def test_actor_command_errors(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "show", "person:nobody", "--db", db]) == 1
    assert "person:nobody" in capsys.readouterr().err
    assert main(["actors", "split", "person:tom-berg", "--db", db]) == 1
    assert "needs --name or --article" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    assert main(["actors", "import-edits", str(bad), "--db", db]) == 1
    assert "bad.json" in capsys.readouterr().err
    assert main(["actors", "import-edits", str(tmp_path / "missing.json"), "--db", db]) == 1


def test_diversity_command(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    table = run_json(capsys, "diversity", "--db", db, "--by", "month")
    assert isinstance(table, dict) and [r["group"] for r in table["rows"]] == ["2024-01", "2024-02"]
    # Ivana Zelnickova: female from the first-name list
    assert table["overall"]["counts"] == {"female": 3, "male": 2, "unknown": 0}
    assert main(["diversity", "--db", db, "--dimension", "kind"]) == 0
    out = capsys.readouterr().out
    assert "person" in out and "B" in out


def test_show_lists_the_most_frequent_roles_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Like the web's actor page, the table stops at ``ROLES_SHOWN`` roles and says how many are left;
    the JSON lists them all."""
    import saidwhat.cli.actors

    path = str(tmp_path / "roles.sqlite")
    with open_store(path) as store:
        store.add_article(story(1, Voice("Ana Ruiz", role="senator"), outlet="A", published="2024-01-02"))
        store.add_article(story(2, Voice("Ana Ruiz", role="mayor"), outlet="B", published="2024-02-03"))
    shown = run_json(capsys, "actors", "show", "person:ana-ruiz", "--db", path)
    assert isinstance(shown, dict) and {r["role"] for r in shown["roles"]} == {"senator", "mayor"}
    monkeypatch.setattr(saidwhat.cli.actors, "ROLES_SHOWN", 1)
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["actors", "show", "person:ana-ruiz", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "1 more, each in fewer articles" in out
    assert ("senator" in out) != ("mayor" in out)
