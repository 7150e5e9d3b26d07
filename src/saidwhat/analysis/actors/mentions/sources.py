"""Attribution sources as mentions: each source span cut to its noun phrase (``source_spans``), a
source no earlier pass found (``source_mentions``), and bodies known by their own words
(``bodies_by_their_words``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.actors.filters import is_animate_head, name_cased
from saidwhat.analysis.actors.mentions.mention import (
    ORG_LAST_WORDS,
    Finder,
    Mention,
    organisation_named,
    relcl_description,
    the_aged,
    the_national,
    the_one_name,
)
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.subjects import REL_TAGS, cue_subject, is_nominal
from saidwhat.schema import ActorKind

_CLOSING = {")": "(", "]": "[", "”": "“", "’": "‘"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, spaces, conjunctions and relative pronouns ("A city engineer, who")."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in REL_TAGS
                           or doc[end - 1].pos_ == "CCONJ"):
        if doc[end - 1].text in _CLOSING and _CLOSING[doc[end - 1].text] in doc[start : end - 1].text:
            break  # "... Human Rights (OHCHR)": a balanced bracket stays
        end -= 1
    return start, end


def _noun_phrase(doc: Doc, head: Token, stop: set[int]) -> tuple[int, int]:
    """The phrase of a subject head without its relative clause or apposition ("a city engineer")."""
    start = head.left_edge.i
    while start < head.i and start in stop:
        start += 1
    end = head.i + 1
    for c in head.rights:
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and c.left_edge.i <= end + 1:
            if not any(i in stop for i in range(end, c.right_edge.i + 1)):
                end = c.right_edge.i + 1  # "The union's leader, Tom Ashby"
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "from", "with") and c.i == end \
                and not any(i in stop for i in range(c.i, c.right_edge.i + 1)):
            end = c.right_edge.i + 1
    return _trim(doc, start, end)


# Verbs by which someone gets to see a document someone else wrote ("a memo seen by Reuters", "a
# letter obtained by The Associated Press"); not "conducted by", "compiled by", "run by", which name
# its maker (PolNeAR train: "exit polls conducted by Edison Research").
READER_VERBS = frozenset({"see", "obtain", "review", "read", "view", "examine", "acquire", "inspect"})


def seen_by(clause: Token) -> bool:
    """A participle that names who saw or obtained a document, not who wrote it ("an internal memo
    seen by Reuters", "a draft obtained by The Times": speaker probes, development set "business",
    where the quote went to Reuters)."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lemma_.lower() in READER_VERBS \
        and any(c.dep_ == "agent" for c in clause.children)


def source_spans(doc: Doc, source: list[tuple[int, int]], cue: list[tuple[int, int]],
                 content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The actor mention an attribution's source span stands for, as character spans.

    A span without a nominal head ("said", ",") is no mention: the syntactic subject of the cue
    verb is used instead ("A city engineer, who asked ..., said" → "A city engineer"), or nothing.
    A relative clause or edge punctuation is cut from a good span.
    """
    out: list[tuple[int, int]] = []
    for s, e in source:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        noms = [t for t in span if is_nominal(t)]
        if not noms:
            continue
        end = span.end
        for t in noms:  # cut a relative clause ("A city engineer, who"), or who saw a document
            for c in t.rights:
                if (c.dep_ == "relcl" or seen_by(c)) and span.start < c.left_edge.i < end:
                    end = c.left_edge.i
        start, end = _trim(doc, span.start, end)
        if start < end and any(is_nominal(t) for t in doc[start:end]):
            if (start, end) == (span.start, span.end):
                out.append((s, e))  # keep the extractor's exact span when nothing was cut
            else:
                out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    if out or not cue or not source:
        return out  # no source given: nothing to repair
    subj = cue_subject(doc, cue, content)
    if subj is None:
        return []
    if subj.dep_ == "appos" and subj.pos_ != "PROPN" and (subj.head.ent_type_ == "PERSON"
                                                          or subj.head.pos_ == "PROPN"):
        subj = subj.head  # "said Scott Reed, the Chamber's chief political strategist, who added …": Reed
    stop = {t.i for s, e in content + cue for t in (doc.char_span(s, e, alignment_mode="expand") or [])}
    start, end = _noun_phrase(doc, subj, stop)
    if start >= end or any(i in stop for i in range(start, end)):
        return []
    return [(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))]


def _source_mention(f: Finder, span: Span, s: int, e: int) -> Mention | None:
    head = span.root
    lemma = head.lemma_.lower()
    text = f.text[s:e]
    if lemma in lx.DOCUMENT_HEADS:
        return Mention(s, e, text, "document", "organization", head.i)
    if the_aged(head) or the_national(head):
        if span.start > 0 and f.doc[span.start - 1].lower_ == "the":  # "31-year-old": the span lost its "the"
            s = f.doc[span.start - 1].idx
        return Mention(s, e, f.text[s:e], "definite", "person", head.i)
    if head.pos_ == "PRON" or not is_nominal(head) or head.ent_type_ in ("DATE", "TIME"):
        return None  # "said", ",", "in July, which showed": no actor
    known_name = head.lower_ in f.person_words  # "Doctor said", after "Ken Doctor"
    named = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and not head.is_sent_start)
    if name_cased(head) and named and all(name_cased(t) or not t.is_alpha for t in span) \
            and (lemma not in lx.ROLE_NOUNS or known_name):
        # a name the tagger missed ("Ham said"): sources are mostly people, but not one that ends
        # as an organisation's name does ("Judicial Watch said", which the product rule turned down)
        # nor an organisation's word alone ("State said": the State Department)
        names = [t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in lx.TITLES]
        body = organisation_named(span) or (len(span) == 1 and head.lower_ in ORG_LAST_WORDS) \
            or the_one_name(span)
        kind: ActorKind = "organization" if body else "person"
        return Mention(s, e, text, "name", kind, head.i, name_tokens=names or [head.text])
    if not is_animate_head(head):
        return None  # "the level", "one estimate": a thing is no source
    plural = head.tag_ in ("NNS", "NNPS")
    unnamed: ActorKind = "group" if plural and lemma not in lx.ANONYMOUS_HEADS else "anonymous"
    m = Mention(s, e, text, "indefinite", unnamed, head.i)
    m.description = relcl_description(head, text)
    m.label = text
    return m


# Nouns between a name and an "its" that the "its" could refer to instead: the subjects, objects
# and appositions of the name's clause ("Obama won his party's nomination by promising its …").
_ITS_BLOCKERS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}


def _its_own(doc: Doc, tok: Token) -> bool:
    """The name is the subject of a clause that speaks of "its" something with no other noun
    between ("Facebook activated its Safety Check tool", "Wealth-X keeps its own finances a
    secret"), or an apposition calls it a body ("Xinhua, the official Chinese news agency")."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in lx.BODY_APPOSITIONS for c in tok.children):
        return True
    if tok.dep_ != "nsubj":
        return False
    its = next((t for t in tok.head.subtree if t.i > tok.i and t.lower_ == "its"), None)
    return its is not None and not any(
        t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _ITS_BLOCKERS for t in doc[tok.i + 1: its.i])


def bodies_by_their_words(f: Finder) -> None:
    """A one-word name the tagger took for a person's is an organisation's when the text speaks of
    "its" something it did, or calls it a company or an agency, and nothing in the article makes it
    a person's: no title, role or gender on it, no first name of the offline list, no full name
    of the article that ends with it ("Twitter said …", "Facebook activated its tool", tagged
    PERSON; a "she" had gone to Facebook rather than its spokeswoman). PolNeAR train, 840 texts
    (session 21): 8 person actors of 6 articles became organisations (Twitter, Facebook, Xinhua, an
    investment firm), all rightly, and 8 quotes changed speaker, all for the better."""
    names = [m for m in f.out if m.type == "name" and m.kind in ("person", "organization")]
    full = {m.name_tokens[-1].lower() for m in names if m.kind == "person" and len(m.name_tokens) > 1}
    by_name: dict[str, list[Mention]] = {}
    for m in names:
        word = (m.display or m.text).strip()
        if " " not in word:
            by_name.setdefault(word.lower(), []).append(m)
    for word, ms in by_name.items():
        people = [m for m in ms if m.kind == "person"]
        if not people or word in full or name_list_gender(ms[0].name_tokens[0]) is not None \
                or any(m.gender or m.role for m in people):
            continue
        said = {f.doc[m.head].text for m in ms}
        if any(_its_own(f.doc, t) for t in f.doc if t.text in said):
            for m in people:
                m.kind = "organization"


def source_mentions(f: Finder, sources: list[tuple[int, int]]) -> None:
    """Source spans nothing above covered ("statement read", "sources said") become mentions too."""
    for s, e in sources:
        span = f.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(i in f.taken for i in range(span.start, span.end)):
            continue
        m = _source_mention(f, span, s, e)
        if m is not None:
            m.is_source = True
            f.add(m, span.start, span.end)
