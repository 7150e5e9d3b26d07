"""Wrong speakers weighted by the cross-article cluster they land in (PolNeAR train outside the gold).

    .venv/bin/python benchmarks/identity_weighted.py --analyses out/train-rest.jsonl [--min-size 100]
        [--list] [--json OUT.json]

Pairwise precision is weighted by cluster size: a quote wrongly given to Donald Trump (hundreds
of quotes across a corpus) costs hundreds of false pairs, one in a singleton costs none. There is
no identity gold outside the 34 articles of ``tests/data/actor-identity-train``, so this counts
what can be counted without one, on the other 806 PolNeAR train articles:

1. Every article is analysed (``--analyses`` caches them, as in ``actor_identity.py``) and all are
   stored into one fresh SQLite store (the identity step as in ``ingest``).
2. Each PolNeAR gold attribution (first ``.ann`` file, every ``E`` with a ``Source``) is matched to
   a predicted quote as the shared scorer matches; its predicted identity is the canonical actor of
   the quote's speaker, and the *cluster size* is the number of matched attributions with that
   canonical actor.
3. The gold source text is classed: ``he/she``; ``other pronoun`` (who, his, it, …); ``staff``
   (a campaign, spokesman, aide, official, lawyer …, named or not); ``name`` (a capitalised name);
   ``description`` (the rest). A ``name`` is judged automatically (the canonical actor bears its
   last name word, and no other given name); the other classes are listed for reading with
   ``--list`` (clusters of at least ``--min-size`` matched attributions), since only a reader can
   tell who a pronoun or a description is.

Development aid on PolNeAR *train*; never run it on dev.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_identity import (  # noqa: E402
    REPO,
    analyses,
    first_ann,
    gold_contents,
    load_jsonl,
    load_scorer,
    predicted_speakers,
    store_all,
)

from saidwhat.schema import AnalyzedArticle  # noqa: E402
from saidwhat.store import open_store  # noqa: E402
from saidwhat.store.speakers import detach_doubtful  # noqa: E402

_T = re.compile(r"^(T\d+)\t\w+ ([\d ;]+)\t(.*)$")
_E = re.compile(r"^(E\d+)\t(.*)$")
_HE_SHE = {"he", "she"}
_PRONOUNS = {"it", "they", "we", "i", "you", "who", "which", "that", "him", "her", "his", "them", "us",
             "me", "this", "those", "these"}
_STAFF = re.compile(r"\b(campaign|spokes\w*|aides?|advis[eo]rs?|staff\w*|team|surrogates?|manager|"
                    r"press secretary|chairm[ae]n|director|allies|supporters?|associates?|officials?|"
                    r"representatives?|lawyers?|attorneys?|camp|operatives?|strategists?|pollster)\b", re.I)
_NOT_NAMES = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "His", "Her", "In", "But", "And",
              "This", "That", "Some", "Who", "Its", "Our", "Their", "One", "Many", "Most", "Both",
              "Other", "Others", "Two", "Three", "Several", "Another", "According", "Mr", "Mrs", "Ms",
              "Sen", "Gov", "Rep", "Dr", "Pres", "President", "Former", "Senator", "Secretary", "Gen",
              "Governor", "Vice", "Speaker", "Judge", "Justice", "Rev", "Attorney", "General",
              "Republican", "Democrat", "Democratic", "GOP", "Presidential", "Presumptive", "Candidate",
              "Chairman", "Mayor", "Lt"}


def gold_sources(ann: Path) -> dict[str, tuple[int, str]]:
    """E id -> (start, text) of its first Source span."""
    spans: dict[str, tuple[int, str]] = {}
    out: dict[str, tuple[int, str]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        t, e = _T.match(line), _E.match(line)
        if t:
            spans[t.group(1)] = (int(t.group(2).split()[0]), t.group(3))
        elif e:
            for arg in e.group(2).split():
                role, _, tid = arg.partition(":")
                if role.rstrip("0123456789") == "Source" and tid in spans:
                    out[e.group(1)] = spans[tid]
    return out


def name_words(text: str) -> list[str]:
    """The capitalised words of a name, titles and function words left out ("Mr. Trump's" → Trump)."""
    words = [re.sub(r"(’s|'s)$", "", w).strip(".,\"“”():;") for w in re.findall(r"[A-Z][\w’'.-]*", text)]
    return [w for w in words if len(w) > 1 and w.rstrip(".") not in _NOT_NAMES]


def source_class(text: str) -> str:
    low = text.lower().strip()
    if low in _HE_SHE:
        return "he/she"
    if low in _PRONOUNS:
        return "other pronoun"
    if _STAFF.search(text):
        return "staff"
    return "name" if name_words(text) else "description"


def name_ok(source: str, canonical: str, aliases: list[str]) -> bool:
    """A name source's speaker is right when the canonical actor bears its last name word and no
    other given name ("Eric Trump" is not Donald Trump)."""
    gold, known = name_words(source), name_words(canonical)
    other = {w for a in aliases for w in name_words(a)}
    surname = gold[-1]
    if surname not in known and surname not in other:
        return any(w in known or w in other for w in gold)
    given = gold[-2] if len(gold) > 1 else None
    clash = given and len(known) > 1 and known[-1] == surname and given not in known and given not in other
    return not clash


def rows(arts: list[AnalyzedArticle], split: Path) -> list[dict[str, Any]]:
    scorer = load_scorer(REPO.parent / "shared")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "weighted.sqlite"))
        with store:
            speakers = predicted_speakers(store, store_all(store, arts), arts)
            names = {}
            for key in {k for k in speakers.values() if k}:
                detail = store.get_actor(key, n_quotes=0)
                names[key] = detail.name if detail is not None else key
    out: list[dict[str, Any]] = []
    for art in (detach_doubtful(a) for a in arts):
        aid = Path(art.source or "").stem
        ann = first_ann(split, aid)
        contents, sources = gold_contents(ann), gold_sources(ann)
        eids = [e for e in contents if e in sources]
        g_sets = [scorer.char_set(art.text, contents[e]) for e in eids]
        p_sets = [scorer.char_set(art.text, [list(s) for s in q.content]) for q in art.quotes]
        actors = {x.id: x for x in art.actors}
        for gi, pj in scorer.match(g_sets, p_sets).items():
            start, text = sources[eids[gi]]
            q = art.quotes[pj]
            local = actors.get(q.speaker.actor or "")
            key = speakers.get((aid, q.id)) or f"none:{aid}:{q.id}"
            out.append({"article": aid, "attribution": eids[gi], "source": text, "class": source_class(text),
                        "mention": " ".join(art.text[s:e] for s, e in q.speaker.mention), "key": key,
                        "canonical": names.get(key, key), "aliases": [] if local is None else local.aliases,
                        "context": art.text[max(0, start - 300):start + 100].replace("\n", " ")})
    size = Counter(r["key"] for r in out)
    for r in out:
        r["size"] = size[r["key"]]
        r["ok"] = None if r["key"].startswith("none:") or r["class"] != "name" else \
            name_ok(r["source"], r["canonical"], r["aliases"])
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--analyses", type=Path, required=True, help="cache of the analysed articles")
    ap.add_argument("--min-size", type=int, default=100, help="the large clusters: matched attributions")
    ap.add_argument("--list", action="store_true", help="list the large clusters' items to read")
    ap.add_argument("--json", type=Path, help="write every matched row here")
    args = ap.parse_args(argv)
    split = REPO.parent / "shared" / "data" / "polnear" / "train"
    gold = REPO / "tests" / "data" / "actor-identity-train" / "sources.jsonl"
    gold_ids = {r["id"] for r in load_jsonl(gold)}
    ids = [p.stem for p in sorted((split / "text").glob("*.txt")) if p.stem not in gold_ids]
    items = rows(analyses(split, ids, args.analyses), split)
    if args.json:
        args.json.write_text(json.dumps(items, indent=1), encoding="utf-8")
    big = [r for r in items if r["size"] >= args.min_size]
    print(f"{len(ids)} articles, {len(items)} matched attributions; clusters of >= {args.min_size}: "
          + ", ".join(f"{k} {n}" for k, n in Counter(r["canonical"] for r in big).most_common()))
    for cls in ("he/she", "other pronoun", "description", "staff", "name"):
        sub = [r for r in big if r["class"] == cls]
        wrong = [r for r in sub if r["ok"] is False]
        weight = sum(r["size"] for r in wrong)
        extra = f", {len(wrong)} with another name (weight {weight})" if cls == "name" else ""
        print(f"  {cls:14s} {len(sub):5d} in the large clusters{extra}")
    if args.list:
        for r in sorted(big, key=lambda r: (r["class"], -r["size"])):
            if r["ok"] is not True:
                print(f"\n{r['class']} {r['article']}:{r['attribution']} -> {r['canonical']} [{r['size']}] "
                      f"source {r['source']!r}, mention {r['mention']!r}\n    {r['context']}")


if __name__ == "__main__":
    main()
