"""Text from the store is shown as itself in the CLI's tables: square brackets in a quote, a title,
an outlet or a file name are no console markup (rich read "[/b]" as a closing tag and failed, and
"[i]" as a style, which it hid)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from saidwhat.cli import main


def _store(tmp_path: Path) -> str:
    text = ("Harbour toll [/b] vote\n\nThe Arden mayor, Maria Lopez, backed the toll on Monday.\n\n"
            "“The toll [/b] is overdue and sensible,” Maria Lopez said. “Arden deserves a plan.”\n")
    rows = [{"text": text, "title": "Toll [/b] vote", "outlet": "Gazette [/b]", "published": "2026-03-02",
             "url": "https://example.org/toll"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "empty [i].txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(src), str(tmp_path / "empty [i].txt"), "--db", db, "--quiet"]) == 1
    return db


@pytest.mark.parametrize(("argv", "shown"), [(["search", "toll"], "[/b]"), (["targets"], None),
                                             (["failures"], "[i]"), (["actors", "list"], None),
                                             (["quotes"], "[/b]")])
def test_store_text_with_brackets_is_printed_as_is(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   argv: list[str], shown: str | None) -> None:
    db = _store(tmp_path)
    capsys.readouterr()
    assert main([*argv, "--db", db]) == 0
    out = re.sub(r"[\s│┃|]", "", capsys.readouterr().out)
    if shown is not None:
        assert shown in out
