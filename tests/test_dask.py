"""Analysis spread over a Dask LocalCluster (2 worker processes); the driver alone writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_texts import make_text  # tests/ is on sys.path (rootdir conftest)
from saidwhat.cli import main
from saidwhat.corpus.ingest import IngestOptions, ingest
from saidwhat.store import open_store

pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_a_single_process(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(make_text(i, seed=8), encoding="utf-8")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")  # fails on a worker, recorded by the driver

    with open_store(str(tmp_path / "one.sqlite")) as store:
        single = ingest([str(folder)], store, IngestOptions())
        expected = [(q.article_id, q.quote_id, q.text, q.speaker) for q in store.iter_quotes()]

    db = str(tmp_path / "dask.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--dask", "local:2", "--quiet"]) == 1  # one failed
    err = capsys.readouterr().err
    assert "stored 6" in err and "failed 1" in err and "Dask LocalCluster, 2 workers" in err
    assert "1 document(s) failed" in err
    with open_store(db) as store:
        got = [(q.article_id, q.quote_id, q.text, q.speaker) for q in store.iter_quotes()]
        assert store.stats()["failures"] == 1
    assert single.stored == 6
    assert got == expected  # same articles, in the same order, with the same quotes
