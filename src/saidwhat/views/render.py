"""Render articles and analysed articles as JSON, JSON Lines, Markdown or plain text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from saidwhat.schema import AnalyzedArticle, Article

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


def _md(text: str | None) -> str:
    """Make untrusted text inert in Markdown: one line, no table breaks, no markup."""
    if not text:
        return ""
    text = " ".join(text.split())
    for ch in "\\`*_{}[]<>|#!":
        text = text.replace(ch, "\\" + ch)
    return text


def _quoted(said: str) -> str:
    """Quote content for display, without doubling the quotation marks a direct quote carries."""
    said = said.strip()
    if said[:1] in "“\"‘'" and said[-1:] in "”\"’'":
        return _md(said)
    return "“" + _md(said) + "”"


# Below this confidence (probability that the quote is usable) the report marks a quote as uncertain:
# about half such quotes are wrong (docs/confidence.md, reliability table on held-back pages).
UNCERTAIN = 0.5


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
            lines += [f"### {_md(t.name)}", "", "| actor | affiliation | stance | evidence |",
                      "|---|---|---|---|"]
            for act in a.actors:
                st = act.stance.get(t.name)
                if st is None:
                    continue
                ev = ""
                for eid in st.evidence[:1]:
                    q = next((q for q in a.quotes if q.id == eid), None)
                    if q is not None:
                        ev = _quoted(q.text)
                    r = next((r for r in a.reactions if r.id == eid), None)
                    if r is not None and r.cue:
                        ev = _md(a.span_text(r.cue[0]))
                lines.append(f"| {_md(act.name)} | {_md(act.affiliation)} | {st.label} ({st.score:.2f}) | "
                             f"{ev} |")
            lines.append("")
    lines += ["## Actors", "", "| actor | kind | role | affiliation | mentions | aliases |",
              "|---|---|---|---|---|---|"]
    for act in a.actors:
        lines.append(
            f"| {_md(act.name)} | {act.kind} | {_md(act.role)} | {_md(act.affiliation)} | "
            f"{len(act.mentions)} | "
            f"{_md(', '.join(act.aliases))} |"
        )
    lines += ["", "## Quotes", ""]
    for q in a.quotes:
        speaker = names.get(q.speaker.actor or "")
        mention = " ".join(a.span_text(s) for s in q.speaker.mention)
        who = _md(speaker.name) if speaker else _md(mention) or "speaker unknown"
        said = q.text
        cue = " ".join(a.span_text(s) for s in q.cue)
        stance = "; ".join(f"{_md(k)}: {v.label}" for k, v in q.stance.items() if v.label != "neutral")
        tail = f" — *{stance}*" if stance else ""
        belief = "belief" if q.type == "belief" else ""
        how = ", ".join(x for x in (_md(cue) or "no cue", q.kind, belief) if x)
        flag = " ⚠ *uncertain*" if q.confidence is not None and q.confidence < UNCERTAIN else ""
        lines.append(f"- **{who}** ({how}): {_quoted(said)}{tail}{flag}")
    return "\n".join(lines)
