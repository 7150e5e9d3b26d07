"""One article's attributions as a JSON record in the shared FORMAT.md layout.

This is what ``saidwhat attributions`` writes, one line per text file. It is the ``polnear``
profile: every attribution the extractor finds, beliefs and intentions included and without the
user profile's precision filters (``attribution.profile``), because that broad notion is what
PolNeAR annotates and its scorer measures. ``saidwhat analyze`` uses the ``user`` profile.
Without targets it runs the parse, the extractor and actor resolution (for the speaker's
canonical name); with targets it runs the whole analysis (``analyze_text``) and adds each
quote's stance. Both read the same extractor, so content, cue and kind are identical either way.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from saidwhat.analysis.attribution.extract import find_attributions
from saidwhat.analysis.nlp import MAX_CHARS, get_nlp
from saidwhat.errors import AnalysisError, InputTooLargeError, MissingInputError, SaidwhatError
from saidwhat.runner import Result

log = logging.getLogger(__name__)


def read_text(path: str) -> str:
    """The file's text exactly as stored (no newline translation), so offsets index it."""
    try:
        with open(path, encoding="utf-8", newline="", errors="replace") as fh:
            return fh.read()
    except FileNotFoundError as exc:
        raise MissingInputError("no such file", input=path) from exc


def _speakers(doc: Any, atts: list[Any], name: str) -> list[str | None]:
    """Canonical speaker names via actor resolution; a failure there costs names, not quotes."""
    try:
        from saidwhat.analysis.actors import resolve_actors

        res = resolve_actors(doc, atts)
    except Exception:
        log.warning("%s: actor resolution failed; speakers left empty", name, exc_info=True)
        return [None] * len(atts)
    names = {a.id: a.name for a in res.actors}
    return [names.get(sid) if sid else None for sid in (list(res.speakers) + [None] * len(atts))[: len(atts)]]


def text_record(text: str, name: str, targets: Sequence[str] = (), doc: Doc | None = None) -> dict[str, Any]:
    """``{"id": name, "attributions": [...]}`` for one text (``doc``: its parse, if already made)."""
    if len(text) > MAX_CHARS:
        raise InputTooLargeError(f"text has {len(text)} characters, over the {MAX_CHARS} limit", input=name)
    out: list[dict[str, Any]] = []
    if text.strip() and targets:
        from saidwhat.analysis.stance.assign import stances_for_attributions

        # the same attributions as without --target (the extractor's whole output), with stances
        if doc is None:
            doc = get_nlp()(text)
        art = stances_for_attributions(doc, find_attributions(doc, attitudes=True), targets)
        for q in art.quotes:
            actor = art.actor(q.speaker.actor)
            out.append({
                "content": [list(s) for s in q.content],
                "source": [list(s) for s in q.speaker.mention],
                "cue": [list(s) for s in q.cue],
                "kind": q.kind,
                "speaker": actor.name if actor else None,
                "confidence": q.confidence,
                "stance": {t: (q.stance[t].label if t in q.stance else "neutral") for t in targets},
            })
    elif text.strip():
        if doc is None:
            doc = get_nlp()(text)
        atts = find_attributions(doc, attitudes=True)
        for att, speaker in zip(atts, _speakers(doc, atts, name), strict=True):
            out.append({
                "content": [list(s) for s in att.content],
                "source": [list(s) for s in att.source],
                "cue": [list(s) for s in att.cue],
                "kind": att.kind,
                "speaker": speaker,
                "confidence": round(att.confidence, 4),
            })
    return {"id": name, "attributions": out}


def file_records(paths: tuple[str, ...], targets: tuple[str, ...] = ()) -> list[Result[dict[str, Any]]]:
    """Records for several files, parsed together with ``nlp.pipe`` (faster than one by one).

    Each file keeps its own outcome: one unreadable or oversized file fails alone.
    """
    outcomes: list[Result[dict[str, Any]]] = [Result(p) for p in paths]
    texts: dict[int, str] = {}
    for i, p in enumerate(paths):
        try:
            text = read_text(p)
            if len(text) > MAX_CHARS:
                raise InputTooLargeError(f"text has {len(text)} characters, over the {MAX_CHARS} limit",
                                         input=p)
        except SaidwhatError as exc:
            outcomes[i].error = exc
            continue
        if text.strip():
            texts[i] = text
        else:
            outcomes[i].value = {"id": Path(p).stem, "attributions": []}
    order = sorted(texts)
    docs = get_nlp().pipe([texts[i] for i in order], batch_size=max(1, len(order)))
    for i, doc in zip(order, docs, strict=True):
        try:
            outcomes[i].value = text_record(texts[i], Path(paths[i]).stem, targets, doc=doc)
        except SaidwhatError as exc:
            outcomes[i].error = exc
        except Exception as exc:  # a bug on one text must not lose the others
            log.exception("unexpected failure on %s", paths[i])
            outcomes[i].error = AnalysisError(f"unexpected {type(exc).__name__}: {exc}", input=paths[i])
    return outcomes
