"""The analysis stage in one place: Doc → attributions → actors → quotes → stance.

Components, in order, with what each reads and adds:

    nlp          text                       → Doc (sentences, tokens, entities, parse)
    attribution  Doc                        → Attribution[] (content, cue, source spans)
    actors       Doc, Attribution[]         → Actor[], speaker actor per attribution
    quotes       Attribution[], speakers    → Quote[] (schema)
    stance       Doc, AnalyzedArticle       → targets, quote/actor stance, reactions
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.actors.passing import drop_source_only
from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.attribution.confidence import usable_probability
from saidwhat.analysis.attribution.interview import interview_quotes
from saidwhat.analysis.attribution.layout import layout_quotes
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import Verdict, user_profile
from saidwhat.analysis.attribution.signed import signed_quotes
from saidwhat.analysis.attribution.speaker import refine_speakers
from saidwhat.analysis.attribution.syntax import syntax_reports
from saidwhat.analysis.nlp import MAX_CHARS, get_nlp
from saidwhat.analysis.stance import assign_stances
from saidwhat.analysis.stance.candidates import target_candidates
from saidwhat.analysis.windows import merge, pieces
from saidwhat.deadline import Deadline
from saidwhat.errors import ConfigError, InputTooLargeError
from saidwhat.schema import QUOTE_PART_SEPARATOR, AnalyzedArticle, Article, Quote, Speaker


def check_size(text: str, source: str | None) -> None:
    """Bound the cost of one document before any parsing."""
    if len(text) > MAX_CHARS:
        raise InputTooLargeError(f"article text has {len(text)} characters, over the {MAX_CHARS} limit",
                                 input=source)


#: Longest target name: a name or a short phrase ("the UN report on Xinjiang"). Each target is
#: searched for in the text, so its length multiplies that search's cost.
MAX_TARGET_CHARS = 200
#: Most targets one analysis takes (each adds a search and a stance per quote).
MAX_TARGETS = 20


def check_targets(targets: Sequence[str] | None) -> None:
    """Refuse target lists the analysis would pay for per character of text."""
    if not targets:
        return
    if len(targets) > MAX_TARGETS:
        raise ConfigError(f"at most {MAX_TARGETS} targets, got {len(targets)}", input="--target")
    for name in targets:
        if len(name) > MAX_TARGET_CHARS:
            raise ConfigError(f"a target name has at most {MAX_TARGET_CHARS} characters, got {len(name)}",
                              input="--target")


def parse_many(texts: Sequence[str], *, batch_size: int = 16) -> list[Doc]:
    """Parse several texts in one ``nlp.pipe`` call: batching makes the parser ~15% faster per text."""
    for t in texts:
        check_size(t, None)
    return list(get_nlp().pipe(texts, batch_size=batch_size))


def _check(deadline: Deadline | None, step: str, source: str | None) -> None:
    if deadline is not None:
        deadline.check(step, source)


def analyze_article(article: Article, *, targets: Sequence[str] | None = None,
                    doc: Doc | None = None, deadline: Deadline | None = None,
                    include_beliefs: bool = False, min_confidence: float = 0.0) -> AnalyzedArticle:
    """Analyse an extracted article; offsets in the result index ``article.text``.

    ``doc`` may be passed when the text was already parsed (see ``parse_many``); it must be the
    parse of ``article.text``. ``deadline`` is checked between the components and between the
    pieces of a long text. Quotes follow the user profile (``attribution.profile``): speech only
    unless ``include_beliefs``, and only those whose confidence (the calibrated probability that
    the quote is usable) reaches ``min_confidence``.

    A text longer than one window or unit is analysed piece by piece and the results merged
    (``analysis.windows``); an article of ordinary length is one piece, analysed whole.
    """
    text = article.text
    check_size(text, article.source)
    check_targets(targets)
    if doc is not None and doc.text != text:
        raise ValueError("doc is not the parse of article.text")
    wanted = list(targets) if targets else None
    proposed: set[str] = set()
    parts: list[tuple[int, AnalyzedArticle]] = []
    options = _Options(include_beliefs, min_confidence, deadline)
    _check(deadline, "parsing", article.source)
    for offset, unit in pieces(get_nlp(), text, doc):
        part = _analyze_unit(unit, article.model_copy(update={"text": unit.text}), wanted, options)
        if wanted is None and part.targets:  # the first unit's proposals are every unit's targets
            proposed = {t.name for t in part.targets if t.proposed}
            wanted = [t.name for t in part.targets]
        parts.append((offset, part))
        _check(deadline, "parsing the next part", article.source)
    if len(parts) == 1 and parts[0][0] == 0 and len(parts[0][1].text) == len(text):
        return parts[0][1]  # one piece: the whole text, analysed as it always was
    return merge(article, parts, proposed)


@dataclass(frozen=True)
class _Options:
    include_beliefs: bool
    min_confidence: float
    deadline: Deadline | None


def user_attributions(doc: Doc, participants: list[Attribution] | None = None,
                      ) -> tuple[list[Attribution], list[Verdict]]:
    """The user profile's attributions of a parsed text, typed, with their verdicts: the tagger's
    (with contents recovered from the parse), the reports marked by syntax, layout, a signature
    line or a Q&A interview's answers alone, then the profile's filters and spans.
    ``scripts/fit_confidence.py`` fits the
    confidence on these. ``participants`` receives the dropped rows whose sources the actor stage
    still reads."""
    found = syntax_reports(doc, find_attributions(doc, recover_contents=True))
    marked = interview_quotes(doc, layout_quotes(doc, signed_quotes(doc, found)))
    return user_profile(doc, marked, participants)


def _analyze_unit(doc: Doc, article: Article, targets: Sequence[str] | None,
                  options: _Options) -> AnalyzedArticle:
    """Attributions → actors → quotes → stance on one parsed piece (offsets index ``doc.text``)."""
    text, deadline = doc.text, options.deadline
    _check(deadline, "attribution", article.source)
    participants: list[Attribution] = []
    attributions, verdicts = user_attributions(doc, participants)
    if not options.include_beliefs:
        keep = [i for i, a in enumerate(attributions) if a.type == "speech"]
        attributions = [attributions[i] for i in keep]
        verdicts = [verdicts[i] for i in keep]
    _check(deadline, "actors", article.source)
    # the dropped rows' sources come last: indexes below len(attributions) are the quotes'
    resolution = resolve_actors(doc, attributions + participants, page_type=article.page_type)
    refine_speakers(doc, attributions + participants, resolution)
    quotes: list[Quote] = []
    for i, att in enumerate(attributions):
        if i in resolution.not_quotes:
            continue  # a product name on a deals list or product page
        mention = resolution.mentions[i] if i < len(resolution.mentions) else list(att.source)
        actor = resolution.speakers[i] if i < len(resolution.speakers) else None
        conf = usable_probability(doc, att, verdicts[i], mention, actor, resolution.actors)
        if conf < options.min_confidence:
            continue
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                kind=att.kind,
                type=att.type,
                content=list(att.content),
                text=QUOTE_PART_SEPARATOR.join(text[s:e] for s, e in att.content),
                cue=list(att.cue),
                speaker=Speaker(mention=list(mention), actor=actor),
                confidence=round(conf, 4),
            )
        )
    drop_source_only(doc, resolution.actors, quotes, resolution.speaker_only)  # sources, not actors
    analyzed = AnalyzedArticle(**article.model_dump(), actors=resolution.actors, quotes=quotes)
    _check(deadline, "stance", article.source)
    assign_stances(doc, analyzed, targets)
    _check(deadline, "candidate targets", article.source)
    analyzed.candidates = target_candidates(doc, analyzed)
    return analyzed


def analyze_text(text: str, *, source: str | None = None, targets: Sequence[str] | None = None,
                 doc: Doc | None = None, include_beliefs: bool = False,
                 min_confidence: float = 0.0) -> AnalyzedArticle:
    """Analyse plain text exactly as given (no extraction): offsets index ``text`` itself."""
    return analyze_article(Article(text=text, source=source), targets=targets, doc=doc,
                           include_beliefs=include_beliefs, min_confidence=min_confidence)
