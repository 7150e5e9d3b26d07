"""Render articles and analysed articles as JSON, JSON Lines, Markdown or plain text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Literal

from saidwhat.sanitize import mixed_scripts
from saidwhat.schema import AnalyzedArticle, Article, Target

Format = Literal["json", "jsonl", "markdown", "text"]


def _dump(article: Article, indent: int | None) -> str:
    return json.dumps(article.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def render(articles: Sequence[Article], fmt: Format) -> str:
    """Render a batch. ``json`` gives one object for one article and an array for several."""
    if fmt == "jsonl":
        return "".join(_dump(a, None) + "\n" for a in articles)
    if fmt == "json":
        if len(articles) == 1:
            return _dump(articles[0], 2) + "\n"
        return json.dumps([a.model_dump(mode="json") for a in articles], ensure_ascii=False, indent=2) + "\n"
    if fmt == "text":
        return "\n\n".join(_render_text(a) for a in articles) + "\n"
    return "\n\n---\n\n".join(render_markdown(a) for a in articles) + "\n"


def _render_text(article: Article) -> str:
    head = [x for x in (article.title,) if x]
    return "\n\n".join(head + [article.text])


def _name(text: str | None) -> str:
    """An actor's name for the report, flagged when it mixes look-alike scripts (a homoglyph name
    such as "Јоhn Ѕmith" in Cyrillic letters passes for another actor's)."""
    scripts = mixed_scripts(text or "")
    flag = f" (⚠ mixed scripts: {', '.join(s.title() for s in scripts)})" if scripts else ""
    return _md(text) + flag


def _md(text: str | None) -> str:
    """Make untrusted text inert in Markdown: one line, no table breaks, no markup."""
    if not text:
        return ""
    text = " ".join(text.split())
    for ch in "\\`*_{}[]<>|#!":
        text = text.replace(ch, "\\" + ch)
    return text


#: Roles and descriptions an actor's page lists, most articles first; the rest are counted ("N more,
#: each in fewer articles"), and the JSON lists them all. Donald Trump has 121 on PolNeAR train as one
#: store, most of them seen in one article each.
ROLES_SHOWN = 15

_OPENING_MARKS = "“\"‘'"
_CLOSING_MARKS = "”\"’'"


def unquoted(said: str) -> str:
    """Quoted words without the pair of quotation marks a direct quote carries around them, for a
    display that adds its own (``quoted``, the web's ``<q>``): "“It is unfair,” … “It must go”" →
    "It is unfair,” … “It must go"."""
    said = said.strip()
    if len(said) >= 2 and said[0] in _OPENING_MARKS and said[-1] in _CLOSING_MARKS:
        return said[1:-1]
    return said


def quoted(said: str) -> str:
    """Quoted words in one pair of quotation marks, never two."""
    return "“" + unquoted(said) + "”"


def _quoted(said: str) -> str:
    """``quoted`` for markdown."""
    return "“" + _md(unquoted(said)) + "”"


def stance_text(label: str, score: float, uncertain: bool) -> str:
    """"oppose (0.88)"; a low-confidence label is marked: "support? (0.55, uncertain)"."""
    return f"{label}? ({score:.2f}, uncertain)" if uncertain else f"{label} ({score:.2f})"


# A quote shorter than this many words ("the decision") is shown with its whole sentence.
MIN_EVIDENCE_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]``: from after the previous sentence end to the next."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m is not None else len(text)
    return text[left:right].strip()


def _evidence(a: AnalyzedArticle, evidence_id: str) -> str:
    """The words that carry a stance: the quote, or the whole sentence of a reaction (never one word)."""
    q = next((q for q in a.quotes if q.id == evidence_id), None)
    if q is not None:
        said = q.text or a.quote_text(q)
        if len(said.split()) < MIN_EVIDENCE_WORDS:
            spans = [*q.content, *q.cue, *q.speaker.mention]
            return _md(sentence_around(a.text, min(s for s, _ in spans), max(e for _, e in spans)))
        return _quoted(said)
    r = next((r for r in a.reactions if r.id == evidence_id), None)
    if r is not None:
        return _md(" ".join(a.span_text(s) for s in (r.evidence or r.cue)))
    return ""


def _reaction_table(a: AnalyzedArticle, t: Target) -> list[str]:
    """One row per actor with a stance toward the target; its authors first, marked as such.

    Actors that said nothing about the target (no stance) have no row.
    """
    lines = [f"### {_md(t.name)}", ""]
    names = {act.id: act for act in a.actors}
    authors = [names[i] for i in t.authors if i in names]
    if authors:
        lines += ["Author: " + ", ".join(_md(x.name) for x in authors), ""]
    lines += ["| actor | affiliation | stance | evidence |", "|---|---|---|---|"]
    rows = [act for act in a.actors if t.name in act.stance]
    rows.sort(key=lambda act: act.stance[t.name].role != "author")
    for act in rows:
        st = act.stance[t.name]
        ev = _evidence(a, st.evidence[0]) if st.evidence else ""
        role = "author, " if st.role == "author" else ""
        shown = stance_text(st.label, st.score, st.uncertain)
        lines.append(f"| {_md(act.name)} | {_md(act.affiliation)} | {role}{shown} | {ev} |")
    if not rows:
        lines.append("| (no actor took a stance) | | | |")
    return lines + [""]


# Below this confidence (probability that the quote is usable) the report marks a quote as uncertain:
# about half such quotes are wrong (docs/confidence.md, reliability table on held-back pages).
UNCERTAIN = 0.5


def quote_uncertain(confidence: float | None) -> bool:
    """Whether a quote is shown as uncertain (its speaker or words may be wrong): every view marks
    the same quotes, the Markdown report, the web's pages and the CLI's tables."""
    return confidence is not None and confidence < UNCERTAIN


def render_markdown(article: Article) -> str:
    lines = [f"# {_md(article.title) or '(untitled)'}", ""]
    facts = [x for x in (_md(article.outlet), article.published, ", ".join(_md(a) for a in article.authors),
                         article.page_type) if x]
    if facts:
        lines += [" · ".join(facts), ""]
    if article.url:
        lines += [f"<{_md(article.url)}>", ""]
    if not isinstance(article, AnalyzedArticle):
        lines += [article.text]
        return "\n".join(lines)
    a = article
    names = {act.id: act for act in a.actors}
    if a.targets:
        lines += ["## Targets", ""]
        for t in a.targets:
            how = "proposed" if t.proposed else "given"
            lines.append(f"- **{_md(t.name)}** ({how}; {len(t.mentions)} mentions)")
        lines.append("")
        lines += ["## Reactions", ""]
        for t in a.targets:
            lines += _reaction_table(a, t)
    lines += ["## Actors", "", "| actor | kind | role | affiliation | mentions | aliases |",
              "|---|---|---|---|---|---|"]
    for act in a.actors:
        lines.append(
            f"| {_name(act.name)} | {act.kind} | {_md(act.role)} | {_md(act.affiliation)} | "
            f"{len(act.mentions)} | "
            f"{_md(', '.join(act.aliases))} |"
        )
    lines += ["", "## Quotes", ""]
    for q in a.quotes:
        speaker = names.get(q.speaker.actor or "")
        mention = " ".join(a.span_text(s) for s in q.speaker.mention)
        who = _name(speaker.name) if speaker else _md(mention) or "speaker unknown"
        said = q.text
        cue = " ".join(a.span_text(s) for s in q.cue)
        stance = "; ".join(f"{_md(k)}: {v.label}{'?' if v.uncertain else ''}" for k, v in q.stance.items()
                           if v.label != "neutral")
        tail = f" — *{stance}*" if stance else ""
        belief = "belief" if q.type == "belief" else ""
        how = ", ".join(x for x in (_md(cue) or "no cue", q.kind, belief) if x)
        flag = " ⚠ *uncertain*" if quote_uncertain(q.confidence) else ""
        lines.append(f"- **{who}** ({how}): {_quoted(said)}{tail}{flag}")
    return "\n".join(lines)
