"""The words of a quote, and how two quotes of one utterance relate: pure functions on text.

A quote's *utterance* is what it puts inside quotation marks (a direct quote without marks in
its span counts whole); an indirect quote has none and is compared by its reported words, as a
paraphrase. Words are compared case-, punctuation- and accent-insensitively, with contractions
spelled out (``we’ve`` = ``we have``, ``don’t`` = ``do not``): transcriptions differ in those
without anything being changed. Parts cut by the reporter (``…``, ``...``, or the separator of a
quote split around its cue) are kept apart, so an excerpt with an omission is still an excerpt.

``saidwhat.store.trails`` uses these to put each stored quote in a trail and to say, for every
sighting of a trail, how it relates to the first one:

    first       the earliest sighting (by published date), the trail's reference
    same        the same words
    excerpt     a shorter part of the reference's words (each part in order)
    extended    the reference is a part of it: it quotes more of the same words
    altered     words inside the quotation marks changed or added
    paraphrase  no quotation marks: the speaker's words reported, not quoted
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

__all__ = [
    "ALTERED_MIN_SHARE",
    "FUNCTION_WORDS",
    "LONG_QUOTE_WORDS",
    "MIN_WORDS",
    "UNKNOWN_SPEAKER_MIN_WORDS",
    "PARAPHRASE_MIN_SHARE",
    "SHORT_EXCERPT_MIN_CONTENT",
    "SHORT_EXCERPT_MIN_WORDS",
    "DiffOp",
    "Relation",
    "Utterance",
    "diff",
    "grams",
    "relation",
    "same_speaker",
    "same_utterance",
    "short_excerpt",
    "Speaker",
    "speaker",
    "surname",
    "utterance",
]

Relation = Literal["first", "same", "excerpt", "extended", "altered", "paraphrase"]

#: fewer quoted words than this are a phrase ("white people"), not an utterance: a trail of its own
MIN_WORDS = 3
#: word n-grams of the candidate index (``trail_grams``)
GRAM = 3
#: shared words count only in runs of this many (see ``shared_words``)
MIN_RUN = 3
#: an excerpt of fewer words than this must be at least EXCERPT_MIN_SHARE of the quote it is in
EXCERPT_MIN_WORDS = 6
EXCERPT_MIN_SHARE = 0.6
#: shared words must hold this many content (not function) words
MIN_CONTENT_WORDS = 3
#: a *short excerpt* (under the excerpt rule: 5 words with 2 content words, "made of the same stuff" in
#: a 21-word quote) is one contiguous run of SHORT_EXCERPT_MIN_WORDS+ words inside one part of a longer
#: quote, holding SHORT_EXCERPT_MIN_CONTENT content words. The trails step joins it only to a trail of
#: the same speaker that holds the longer quote, and only when no second trail holds the run too (a
#: catchphrase inside two speeches joins neither); it never merges two trails (``saidwhat.store.trails``).
#: Chosen on PolNeAR train's trail gold (docs/corpus.md), against the same run without short
#: excerpts (106 of 115 predicted pairs right): from 3 words with 2 content words on, +12 gold pairs
#: and +14 false ones ("a total disaster", "take our fight", "do the right thing", "make America great
#: again" inside older speeches); 3 words within 7 days of each other +6 / +6; 4 words with 3 content
#: words +3 / +2; 5 words with 2 content words +4 / +1 (Biden's "made of the same stuff", Clinton's
#: "Wow, what a great idea" twice, Trump's "I'm not quite there yet"; false: Sanders' "a terrible
#: situation even worse", said twice). The 3-word gold excerpts ("ISIS' best recruiter", "would
#: certainly implement") stay apart: their length does not tell them from a stock phrase.
SHORT_EXCERPT_MIN_CONTENT = 2
SHORT_EXCERPT_MIN_WORDS = 5
#: an altered copy shares at least this share of the shorter quote's words, in order (see ALTERED_MIN_WORDS),
#: and ALTERED_MIN_SHARE_LONG of the longer one's (a slogan inside two different speeches is not a copy)
ALTERED_MIN_SHARE = 0.6
ALTERED_MIN_SHARE_LONG = 0.3
#: ... and at least this many of them
ALTERED_MIN_WORDS = 5
#: from this many shared words on, the words alone make one utterance even when the two articles
#: name different speakers (one attribution is then wrong: two people do not say the same 8 words)
LONG_QUOTE_WORDS = 8
#: ... and from this many on when one of the two speakers is unknown: no speaker, or a description the
#: analysis left unresolved ("the Democratic front-runner", "who", "many reporters"), which is not a
#: different speaker. On PolNeAR train's trail gold (docs/corpus.md), against demanding the same
#: speaker: 4 words +5 gold pairs and +1 false one (Clinton's "becoming ISIS' best recruiter" by "the
#: Democratic front-runner"; "a hell of a lot worse" by "who"; false: "many reporters" on "Make America
#: Great Again"); 3 words +13 / +11; 6 words +2 / +0.
UNKNOWN_SPEAKER_MIN_WORDS = 4
#: a paraphrase shares at least this share of the shorter one's words, in order, with a quote of the same
#: speaker, and PARAPHRASE_MIN_SHARE_LONG of the longer one's ("a 35 percent tax on" Carrier / on Ford differ)
PARAPHRASE_MIN_SHARE = 0.75
PARAPHRASE_MIN_SHARE_LONG = 0.5
#: ... and at least this many words
PARAPHRASE_MIN_WORDS = 6
#: two surnames this similar (difflib ratio) name one speaker (a misspelt copy: Basele / Bachelet)
SURNAME_MIN_RATIO = 0.7

_QUOTED = re.compile(r"“([^”]*)”?|\"([^\"]*)\"?|«([^»]*)»?|„([^“”]*)[“”]?|(?:''|``)(.*?)(?:''|$)", re.S)
_PART_BREAK = re.compile(r"…|\.\.\.+")  # no \s* around it: split stays linear on long blank runs
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_CONTRACTIONS = {"n't": " not", "'ve": " have", "'re": " are", "'ll": " will", "'m": " am", "'d": " would"}
_SPECIAL = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_DETERMINERS = {"the", "a", "an", "many", "some", "one", "who", "someone", "somebody", "several"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "president", "prof", "sir",
           "lord", "lady", "gen", "col", "rev", "judge", "mayor", "secretary", "minister", "governor",
           "representative"}
#: function words: shared runs made only of these ("is going to be a") say nothing about the utterance
_FUNCTION_TEXT = """
a about above after again against all am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor
not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself yourselves s t ll ve
re d m going get got go say said says well yes oh also one
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
#: the same, for other modules comparing texts by their content words
FUNCTION_WORDS = _FUNCTION_WORDS


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def norm_token(token: str) -> tuple[str, ...]:
    """The normalised words of one token (``We’ve`` → ``we have``)."""
    word = _fold(token)
    if word.endswith("'s") and len(word) > 2:  # possessive or "is"/"has": ISIS's = ISIS' (see words)
        word = word[:-2]
    if word in _SPECIAL:
        return tuple(_SPECIAL[word].split())
    for short, full in _CONTRACTIONS.items():
        if word.endswith(short) and len(word) > len(short):
            return tuple((word[: -len(short)] + full).split())
    return tuple(re.findall(r"\w+", word))


def words(text: str) -> list[str]:
    """The compared words of ``text``: folded, contractions spelled out, a trailing ``'s`` dropped
    (one transcription writes "ISIS's best recruiter", another "ISIS' best recruiter"; the ``'s`` of
    "it's" goes too, on both sides alike)."""
    return [w for token in _TOKEN.findall(text) for w in norm_token(token)]


@dataclass(frozen=True)
class Utterance:
    """A quote's compared words, in the parts its reporter kept."""

    parts: tuple[tuple[str, ...], ...]
    quoted: bool

    @property
    def words(self) -> list[str]:
        return [w for part in self.parts for w in part]

    def __len__(self) -> int:
        return sum(len(p) for p in self.parts)


def quoted_text(text: str) -> list[str]:
    """The stretches of ``text`` inside quotation marks (“…”, "…", «…», „…“, ''…'')."""
    return [next(g for g in m.groups() if g is not None) for m in _QUOTED.finditer(text)
            if any(g for g in m.groups())]


@lru_cache(maxsize=16384)
def utterance(text: str, kind: str) -> Utterance:
    """The words a quote puts inside quotation marks; a direct quote without marks counts whole,
    and so does a mixed one whose marks stand just outside its span (“ISIS' best recruiter”
    stored as the words between them); an indirect one (no marks) is its reported words,
    ``quoted=False``."""
    inside = quoted_text(text)
    quoted = bool(inside) or kind in ("direct", "mixed")
    stretches = inside or [text]
    parts = tuple(tuple(w) for s in stretches for p in _PART_BREAK.split(s) if (w := words(p)))
    return Utterance(parts=parts, quoted=quoted)


def grams(u: Utterance) -> set[int]:
    """Signed 64-bit hashes of the word 3-grams inside each part (none for fewer words)."""
    out: set[int] = set()
    for part in u.parts:
        for i in range(len(part) - GRAM + 1):
            key = " ".join(part[i : i + GRAM]).encode("utf-8")
            out.add(int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big", signed=True))
    return out


def _contains(parts: tuple[tuple[str, ...], ...], whole: list[str]) -> bool:
    """Every part found as a contiguous run of ``whole``, in order."""
    start = 0
    for part in parts:
        n = len(part)
        found = next((i for i in range(start, len(whole) - n + 1) if tuple(whole[i : i + n]) == part), None)
        if found is None:
            return False
        start = found + n
    return True


def _shared_runs(a: Utterance, b: Utterance) -> list[str]:
    """The words of ``a`` that align with ``b`` in order, in runs of at least ``MIN_RUN`` words
    (difflib's matching blocks): scattered function words ("I", "going to", "do") are not kept."""
    matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
    words_a = a.words
    return [w for block in matcher.get_matching_blocks() if block.size >= MIN_RUN
            for w in words_a[block.a : block.a + block.size]]


def content_words(ws: list[str]) -> int:
    """How many of the words are not function words ("is going to be a" has none)."""
    return sum(1 for w in ws if w not in _FUNCTION_WORDS)


def relation(u: Utterance, ref: Utterance) -> Relation:
    """How ``u`` relates to the reference sighting ``ref`` (see the module docstring)."""
    if not u.quoted:
        return "paraphrase"
    if u.words == ref.words:
        return "same"
    if len(u) < len(ref) and _contains(u.parts, ref.words):
        return "excerpt"
    if len(ref) < len(u) and _contains(ref.parts, u.words):
        return "extended"
    return "altered"


def _excerpt_score(short: Utterance, long: Utterance) -> int:
    """``short`` lies inside ``long``: its length when that says one utterance, else 0. A long
    enough excerpt does; a short one only when it is most of the other ("makes me smart" in
    "That makes me smart"), not a catchphrase inside another speech ("make America great again")."""
    n = len(short)
    if n >= EXCERPT_MIN_WORDS and content_words(short.words) >= MIN_CONTENT_WORDS:
        return n
    return n if n >= MIN_WORDS and n >= EXCERPT_MIN_SHARE * len(long) else 0


def short_excerpt(short: Utterance, long: Utterance) -> int:
    """``short``'s quoted words as one contiguous run inside one part of the longer ``long``, of
    ``SHORT_EXCERPT_MIN_WORDS``+ words with ``SHORT_EXCERPT_MIN_CONTENT`` content words: its length, else 0.
    Weaker evidence than ``same_utterance``: see ``SHORT_EXCERPT_MIN_CONTENT`` for how it is used."""
    run = tuple(short.words)
    n = len(run)
    if not (short.quoted and long.quoted) or n < SHORT_EXCERPT_MIN_WORDS or n >= len(long):
        return 0
    if content_words(list(run)) < SHORT_EXCERPT_MIN_CONTENT:
        return 0
    return n if any(_run_in(run, part) for part in long.parts) else 0


def _run_in(run: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(run)
    return any(part[i : i + n] == run for i in range(len(part) - n + 1))


def _quoted_score(u: Utterance, v: Utterance) -> int:
    """Shared quoted words that make ``u`` and ``v`` one utterance (0: they do not)."""
    short, long = (u, v) if len(u) <= len(v) else (v, u)
    if _contains(short.parts, long.words):
        return _excerpt_score(short, long)
    shared = _shared_runs(short, long)
    return len(shared) if _enough(shared, short, long, ALTERED_MIN_WORDS, ALTERED_MIN_SHARE,
                                  ALTERED_MIN_SHARE_LONG) else 0


def _enough(shared: list[str], short: Utterance, long: Utterance, words: int, share: float,
            share_long: float) -> bool:
    """Enough shared words, of each side, with enough content words among them."""
    n = len(shared)
    return (n >= words and n >= share * len(short) and n >= share_long * len(long)
            and content_words(shared) >= MIN_CONTENT_WORDS)


def same_utterance(u: Utterance, v: Utterance, *, same_speaker: bool | None) -> int:
    """How many words show ``u`` and ``v`` to be one utterance (0: they are not).

    Quoted words: one holds the other's parts in order (an excerpt, see ``_excerpt_score``), or
    they share ``ALTERED_MIN_SHARE`` of the shorter one's words in runs, and
    ``ALTERED_MIN_SHARE_LONG`` of the longer one's (an altered copy). A paraphrase (either has no
    quotation marks) shares ``PARAPHRASE_MIN_SHARE`` / ``PARAPHRASE_MIN_SHARE_LONG``. Shared words
    must include ``MIN_CONTENT_WORDS`` that are not function words. The speakers must be one
    (``same_speaker``), unless ``LONG_QUOTE_WORDS`` quoted words are shared, or
    ``UNKNOWN_SPEAKER_MIN_WORDS`` when one speaker is unknown (``same_speaker`` None).
    """
    if min(len(u), len(v)) < MIN_WORDS:
        return 0
    if u.quoted and v.quoted:
        score = _quoted_score(u, v)
        need = 0 if same_speaker else UNKNOWN_SPEAKER_MIN_WORDS if same_speaker is None else LONG_QUOTE_WORDS
        return score if score and score >= need else 0
    short, long = (u, v) if len(u) <= len(v) else (v, u)
    shared = _shared_runs(short, long)
    enough = _enough(shared, short, long, PARAPHRASE_MIN_WORDS, PARAPHRASE_MIN_SHARE,
                     PARAPHRASE_MIN_SHARE_LONG)
    return len(shared) if enough and same_speaker else 0


@dataclass(frozen=True)
class Speaker:
    """Who a quote is by, as far as names go: a person's first and last name, an organisation's
    whole name (``last``)."""

    first: str | None
    last: str


def speaker(name: str | None, kind: str | None) -> Speaker | None:
    """The speaker of a quote across articles; None for an unknown or anonymous one, and for a
    person "named" by a description ("the Democratic front-runner", "many reporters"). Titles and
    suffixes go (Mr., Sen., Jr., III); one name alone is a last name."""
    if not name or kind in (None, "anonymous"):
        return None
    tokens = words(name)
    if kind != "person":
        return Speaker(first=None, last=" ".join(tokens)) if tokens else None
    if _DETERMINERS.intersection(tokens[:1]) or not any(w[:1].isupper() for w in name.split()):
        return None  # a description left unresolved ("the Democratic front-runner", "who"), not a name
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens = tokens[1:]
    if not tokens:
        return None
    return Speaker(first=tokens[0] if len(tokens) > 1 else None, last=tokens[-1])


def surname(name: str | None, kind: str | None) -> str | None:
    """A speaker's last name (a person's) or whole name (an organisation's); None if unknown."""
    found = speaker(name, kind)
    return found.last if found else None


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """One speaker: last names equal or spelt nearly alike (``SURNAME_MIN_RATIO``), and first
    names equal, one an initial of the other, or missing on one side (Hillary and Chelsea
    Clinton are two speakers; Clinton and Hillary Clinton may be one)."""
    if a is None or b is None:
        return False
    last = a.last == b.last or (min(len(a.last), len(b.last)) >= 4
                                and SequenceMatcher(None, a.last, b.last).ratio() >= SURNAME_MIN_RATIO)
    if not last or a.first is None or b.first is None:
        return last
    return a.first == b.first or (min(len(a.first), len(b.first)) == 1 and a.first[0] == b.first[0])


@dataclass(frozen=True)
class DiffOp:
    """One step of a word-level diff from the reference to a sighting."""

    op: Literal["equal", "replace", "delete", "insert"]
    ref: str
    text: str


def _display_tokens(text: str) -> tuple[list[str], list[str]]:
    """The quoted stretches' tokens as shown, and their compared forms."""
    shown = [t for s in (quoted_text(text) or [text]) for t in _TOKEN.findall(s)]
    return shown, [" ".join(norm_token(t)) for t in shown]


def diff(ref_text: str, text: str) -> list[DiffOp]:
    """Word-level diff of a sighting's quoted words against the reference's (as written)."""
    ref_shown, ref_keys = _display_tokens(ref_text)
    shown, keys = _display_tokens(text)
    ops = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ref_keys, keys, autojunk=False).get_opcodes():
        ops.append(DiffOp(op=tag, ref=" ".join(ref_shown[i1:i2]), text=" ".join(shown[j1:j2])))
    return ops
