"""List the gold actors no predicted actor matches, by gold kind and by cause (issue 9, item 4: recall).

    .venv/bin/python benchmarks/wild.py --dev /nonexistent --fresh2 /nonexistent --details out/det
    .venv/bin/python benchmarks/actor_misses.py GOLD_DIR out/det.<set>.pred.jsonl [--examples N] [--list]

``GOLD_DIR`` is a directory of gold pages (``tests/data/wild/pages``, ``tests/data/wild-fresh/pages``);
the predictions are ``saidwhat analyze --format jsonl`` output (``wild.py --details`` keeps them). A
gold actor is matched as ``score_wild.py`` matches it (any of its names against any name of a
predicted actor). For each missed one, the page's text (the prediction's) is parsed again and the
actor stage rerun up to its clusters, to say why:

- ``not in text``: no name or alias of the gold actor occurs in the text (the annotator normalised
  the name, or the extraction lost the passage);
- ``no mention``: the names occur, but no mention covers them (the tagger missed the name, or no
  description pass takes the phrase); the spaCy entity label at the first occurrence is kept;
- ``malformed``: a mention overlaps an occurrence but matches none of the gold names (cut at a
  break, joined to a neighbour, or a longer or shorter phrase);
- ``dropped: <rule>``: a mention matches, but its cluster is not kept; the rule is the first of
  ``resolve.keeping.is_kept`` that removes it (a copy of its order below: keep it in step);
- ``dropped after resolution``: kept, but left out later (``passing.drop_source_only``, no content);
- ``merged``: the matching mention is in a kept actor whose names still match no gold name.

A long page is parsed whole here, while ``analyze`` cuts texts over ``windows.MAX_WINDOW_TOKENS``
into pieces; no page of the own sets is that long.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc

from saidwhat.analysis.actors.mentions import Mention, find_mentions, source_spans
from saidwhat.analysis.actors.passing import Page, passing_reason, source_only
from saidwhat.analysis.actors.resolve import clusterer, keeping, naming
from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.attribution.layout import layout_quotes
from saidwhat.analysis.attribution.profile import user_profile
from saidwhat.analysis.nlp import get_nlp

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score_wild.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_wild", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"{SCORER}: the wild scorer is needed")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SW = _scorer()


def drop_reason(page: Page, c: Any, wanted: set[int]) -> str | None:
    """The first rule of ``resolve.keeping.is_kept`` that removes the cluster, or None when it is kept."""
    doc = page.doc
    if keeping.is_product(c, page.page_type):
        return "a product on a listing page"
    if c.idx in wanted:
        return None
    if keeping._a_thing(doc, c):
        return "a thing (things.thing_reason)"
    reason = passing_reason(page, c)
    if reason is not None:
        return f"passing: {reason}"
    if c.is_gpe and not any(m.is_subject for m in c.mentions):
        return "a place never a subject"
    if c.is_facility:
        return "a facility"
    named = any(m.type in ("name", "acronym") for m in c.mentions)
    if named and keeping._as_location(doc, c):
        return "a location (in X)"
    if named and keeping._one_passing_mention(doc, c):
        return "named once in passing"
    if any(m.type == "group" for m in c.mentions):
        return None if not keeping._bare_people(doc, c) else "people in general"
    if named or keeping._acting_body(doc, c) or keeping._acting_people(doc, c):
        return None
    return "an unnamed description that neither speaks nor acts"


def _mention_names(m: Mention) -> list[str]:
    return [x for x in (m.text, m.display, " ".join(m.name_tokens), m.label, m.description) if x]


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where a gold name occurs: proper names as written, descriptions in any case."""
    out: list[tuple[int, int]] = []
    for n in {n.strip() for n in names if n.strip()}:
        proper = n[:1].isupper()
        pat = re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", 0 if proper else re.IGNORECASE)
        out += [(mt.start(), mt.end()) for mt in pat.finditer(text)]
        if n.lower().startswith(("the ", "a ", "an ")):  # "the Senate" also as "Senate"
            bare = n.split(" ", 1)[1]
            pat = re.compile(r"(?<!\w)" + re.escape(bare) + r"(?!\w)")
            out += [(mt.start(), mt.end()) for mt in pat.finditer(text)]
    return sorted(set(out))


class PageRun:
    """The actor stage rerun on one predicted page, up to its clusters and their fate."""

    def __init__(self, pred: dict[str, Any]) -> None:
        self.text: str = pred.get("text") or ""
        doc: Doc = get_nlp()(self.text)
        self.doc = doc
        attributions, _ = user_profile(doc, layout_quotes(doc, find_attributions(doc)))
        attributions = [a for a in attributions if a.type == "speech"]
        cleaned = [source_spans(doc, list(a.source), list(a.cue), list(a.content)) for a in attributions]
        sources = [s for spans in cleaned for s in spans]
        raw = [s for a, spans in zip(attributions, cleaned, strict=True) if spans and spans != list(a.source)
               for s in a.source]
        self.mentions = find_mentions(doc, sources, raw)
        clusters = clusterer.cluster_mentions(doc, self.mentions, attributions=attributions)
        self.clusters = {c.idx: c for c in clusters}
        wanted = set()
        for spans in cleaned:
            m = naming.best_mention(doc, spans, self.mentions) if spans else None
            if m is not None:
                wanted.add(m.cluster)
        page = Page(doc, pred.get("page_type"),
                    sum(keeping.person_evidence(c) for c in self.clusters.values() if c.mentions))
        self.reason = {i: drop_reason(page, c, wanted) for i, c in self.clusters.items() if c.mentions}
        self.actors = pred.get("actors", [])

    def dropped(self) -> list[tuple[str, list[str], str]]:
        """(rule, names, kind) of every cluster a rule of ``resolve.keeping.is_kept`` removed."""
        out: list[tuple[str, list[str], str]] = []
        for i, reason in self.reason.items():
            if reason is None:
                continue
            a = naming.actor_from(self.doc, self.clusters[i], "x", self.mentions)
            out.append((reason, [a.name, *a.aliases], a.kind))
        return out

    def cause(self, gold: dict[str, Any]) -> tuple[str, str]:
        """(cause, evidence) for one missed gold actor."""
        names = [gold["name"], *gold.get("aliases", [])]
        matching = [m for m in self.mentions if m.type != "pronoun"
                    and any(SW.same_name(a, b) for a in _mention_names(m) for b in names)]
        for m in matching:
            reason = self.reason.get(m.cluster)
            if m.cluster < 0:
                continue
            if reason is not None:
                return f"dropped: {reason}", m.text
        for m in matching:
            if m.cluster >= 0:
                return self._kept_cause(m)
        if matching:
            return "no cluster", matching[0].text
        occ = _occurrences(self.text, names)
        if not occ:
            return "not in text", ""
        for s, e in occ:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            at = span.root.idx if span is not None else s
            over = [m for m in self.mentions if m.type != "pronoun" and m.start <= at < m.end]
            if over:  # a mention holds the phrase's head word: "Trump" for "Trump's team" is another actor
                m = over[0]
                part = "cut" if s <= m.start and m.end <= e else "joined"
                return f"malformed ({part})", f"{m.text!r} for {self.text[s:e]!r}"
        s, e = occ[0]
        span = self.doc.char_span(s, e, alignment_mode="expand")
        ent = "/".join(sorted({t.ent_type_ or "-" for t in span})) if span is not None else "?"
        head = f"{span.root.pos_}:{span.root.dep_}" if span is not None else "?"
        return "no mention", f"{self.text[s:e]!r} ent={ent} head={head}"

    def _kept_cause(self, m: Mention) -> tuple[str, str]:
        """The mention's cluster was kept: the actor went later, or carries other names."""
        c = self.clusters[m.cluster]
        spans = {m2.span for m2 in c.mentions}
        for a in self.actors:
            if any(tuple(sp) in spans for sp in a.get("mentions", [])):
                return "merged", f"{m.text!r} in actor {a['name']!r}"
        doc = self.doc
        gone = source_only(doc, c.kind, [m2.span for m2 in c.mentions])
        return "dropped after resolution", f"{m.text!r}: {gone or 'speaker only or no content'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--examples", type=int, default=3, help="names shown per (kind, cause)")
    ap.add_argument("--list", action="store_true", help="print every missed actor with its evidence")
    ap.add_argument("--rules", action="store_true",
                    help="per rule of resolve.keeping.is_kept: clusters it removed that were gold actors"
                         " / were not")
    a = ap.parse_args()
    if a.rules:
        rule_table(a)
        return
    gold, pred = SW.load_gold(str(a.gold_dir)), SW.load_pred(str(a.pred))
    counts: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for key, g in sorted(gold.items()):
        o = pred.get(key)
        if o is None:
            continue
        pnames = [[pa["name"], *pa.get("aliases", [])] for pa in o.get("actors", [])]
        run: PageRun | None = None
        for ga in g.get("actors", []):
            kinds[ga["kind"]] += 1
            gn = [ga["name"], *ga.get("aliases", [])]
            if any(SW.same_name(x, y) for pn in pnames for x in pn for y in gn):
                continue
            run = run or PageRun(o)
            cause, evidence = run.cause(ga)
            counts[(ga["kind"], cause)] += 1
            examples.setdefault((ga["kind"], cause), []).append(f"{ga['name']} [{evidence}]")
            if a.list:
                print(f"{g['id']}\t{ga['kind']}\t{ga['name']}\t{cause}\t{evidence}")
    missed_of = Counter(kind for (kind, _), n in counts.items() for _ in range(n))
    per_kind = ", ".join(f"{k} {missed_of[k]}/{n}" for k, n in kinds.items())
    print(f"{sum(counts.values())} of {sum(kinds.values())} gold actors missed ({per_kind})")
    for (kind, cause), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:4d}  {kind:13} {cause}")
        if a.examples:
            print("        " + " | ".join(examples[(kind, cause)][: a.examples]))
    by_cause: Counter[str] = Counter()
    for (_, cause), n in counts.items():
        by_cause[cause.split(":")[0].split(" (")[0]] += n
    print("by cause: " + ", ".join(f"{c} {n}" for c, n in by_cause.most_common()))


def rule_table(a: argparse.Namespace) -> None:
    """What each rule of ``resolve.keeping.is_kept`` removes: gold actors the output misses, gold
    actors another actor already matches, and names that are no gold actor (what the rule is for)."""
    gold, pred = SW.load_gold(str(a.gold_dir)), SW.load_pred(str(a.pred))
    table: dict[str, Counter[str]] = {}
    examples: dict[tuple[str, str], list[str]] = {}
    for key, g in sorted(gold.items()):
        o = pred.get(key)
        if o is None:
            continue
        pnames = [[pa["name"], *pa.get("aliases", [])] for pa in o.get("actors", [])]
        gnames = [[ga["name"], *ga.get("aliases", [])] for ga in g.get("actors", [])]
        found = [any(SW.same_name(x, y) for pn in pnames for x in pn for y in gn) for gn in gnames]
        for reason, names, kind in PageRun(o).dropped():
            hit = [k for k, gn in enumerate(gnames) if any(SW.same_name(x, y) for x in names for y in gn)]
            verdict = "no actor" if not hit else ("missed actor" if not all(found[k] for k in hit)
                                                  else "actor found anyway")
            table.setdefault(reason, Counter())[verdict] += 1
            examples.setdefault((reason, verdict), []).append(f"{names[0]} ({kind})")
    print(f"{'rule':55} missed-actor  found-anyway  no-actor")
    for reason, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{reason[:55]:55} {c['missed actor']:12d}  {c['actor found anyway']:12d}  {c['no actor']:8d}")
        for verdict in ("missed actor", "no actor"):
            if a.examples and (reason, verdict) in examples:
                print(f"      {verdict}: " + " | ".join(examples[(reason, verdict)][: a.examples]))


if __name__ == "__main__":
    main()
