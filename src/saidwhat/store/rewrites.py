"""Rewritten copies: an article spun or machine-paraphrased from another, and what the copier changed.

Pure functions on text; ``saidwhat.store.copies`` keeps the word bands in ``lsh_bands`` and links
the copies it verifies.

A spinner swaps words for synonyms, reorders sentences, misspells names and alters quotes, so
few word 3-shingles survive (``saidwhat.store.dedup`` misses heavy rewrites). What survives is
each *sentence's* content words: most of them stay, whatever order the sentences come in. So:

1. **candidates**: a MinHash of the article's set of content words (function words dropped),
   cut into ``WORD_BANDS`` bands of ``WORD_ROWS`` rows and stored beside the shingle bands (band
   numbers from ``WORD_BAND_BASE``), so two texts sharing half their vocabulary meet in a bucket;
2. **verification**: every sentence of the text with fewer sentences (``MIN_SENTENCE_WORDS``+
   content words) is aligned to the other text's sentence sharing most content words; it is
   *aligned* when their Dice coefficient is at least ``ALIGN_DICE``. The pair is a rewritten copy
   when at least ``REWRITE_SHARE`` of those sentences align (and ``MIN_ALIGNED`` at least), and
   the two keep most of the same names (``NAME_SHARE``).

Different articles on one event share quotes and names, but not most of their sentences; see
docs/corpus.md for the measurement on PolNeAR train and its rewritten copies.

``changes`` then shows what the copy changed in the sentences it shares with the original:
names spelt otherwise, quotes with other words, and other numbers.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Literal

from datasketch import MinHash
from pydantic import BaseModel, Field

from saidwhat.store.dedup import normalised_words
from saidwhat.store.utterance import FUNCTION_WORDS, diff, quoted_text, words

__all__ = [
    "ALIGN_DICE",
    "MIN_ALIGNED",
    "MIN_SENTENCES",
    "NAME_SHARE",
    "MIN_SENTENCE_WORDS",
    "REWRITE_SHARE",
    "WORD_BANDS",
    "WORD_BAND_BASE",
    "WORD_ROWS",
    "CopyChange",
    "CopyChanges",
    "Text",
    "changes",
    "rewrite_similarity",
    "word_bands",
]

#: word-set LSH: 30 bands of 3 rows; two texts meet in a bucket with probability 0.86 at word-set
#: Jaccard 0.4, 0.98 at 0.5, 0.21 at 0.2 (PolNeAR train: rewritten copies 0.35-0.9, unrelated
#: articles on the same campaign mostly below 0.15)
WORD_BANDS = 30
WORD_ROWS = 3
#: the word bands' numbers in ``lsh_bands`` start here (the shingle bands are 0-39)
WORD_BAND_BASE = 1000
#: a sentence counts in the alignment with at least this many content words
MIN_SENTENCE_WORDS = 4
#: two sentences align at this Dice coefficient of their content words (chosen on half of PolNeAR
#: train's originals and their copies; docs/corpus.md)
ALIGN_DICE = 0.5
#: a rewritten copy aligns at least this share of the shorter text's sentences (same choice)
REWRITE_SHARE = 0.5
#: and at least this many sentences (three shared sentences are a quote, not a copy), or all of a
#: shorter text's sentences
MIN_ALIGNED = 4
#: a text with fewer sentences than this is no rewritten copy of anything (one sentence is a quote)
MIN_SENTENCES = 2
#: and a copy keeps most names: at least this share of the capitalised words inside the sentences
#: of the text with fewer of them is found in the other (spinners misspell some names and swap
#: some capitalised words; two texts made from one template with other people and places do not
#: pass: tests/corpus_texts.py)
NAME_SHARE = 0.5
_SEED = 20250110
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n\s*\n|\n(?=\s*[“\"A-Z])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|of|de|van|von|al|bin))*(?<![’'])")
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z]\w*")
_PERMS: MinHash | None = None


def _content(sentence: str) -> frozenset[str]:
    return frozenset(w for w in normalised_words(sentence) if w not in FUNCTION_WORDS and not w.isdigit())


@dataclass(frozen=True)
class Text:
    """A text cut into sentences, each with its content words (computed once per article)."""

    sentences: tuple[str, ...]
    content: tuple[frozenset[str], ...]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Text:
        sentences = tuple(s.strip() for s in _SENTENCE.split(text) if s and s.strip())
        names = frozenset(w for s in sentences for w in _CAPITALISED.findall(s, 1))
        return cls(sentences=sentences, content=tuple(_content(s) for s in sentences), names=names)

    @property
    def vocabulary(self) -> set[str]:
        return set().union(*self.content) if self.content else set()

    def eligible(self) -> list[int]:
        return [i for i, c in enumerate(self.content) if len(c) >= MIN_SENTENCE_WORDS]


def _minhash() -> MinHash:
    global _PERMS
    if _PERMS is None:
        _PERMS = MinHash(num_perm=WORD_BANDS * WORD_ROWS, seed=_SEED)
    return MinHash(num_perm=WORD_BANDS * WORD_ROWS, seed=_SEED, permutations=_PERMS.permutations,
                   scheme=_PERMS.scheme)


def word_bands(text: Text) -> list[tuple[int, int]]:
    """(band, bucket) of the MinHash of the text's content words, bands from ``WORD_BAND_BASE``."""
    vocabulary = text.vocabulary
    if not vocabulary:
        return []
    mh = _minhash()
    mh.update_batch([w.encode("utf-8") for w in sorted(vocabulary)])
    values = mh.hashvalues
    out = []
    for b in range(WORD_BANDS):
        chunk = values[b * WORD_ROWS : (b + 1) * WORD_ROWS].tobytes()
        bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
        out.append((WORD_BAND_BASE + b, bucket))
    return out


def _alignment(short: Text, long: Text) -> list[tuple[int, int, float]]:
    """(sentence of short, best sentence of long, Dice) for each eligible sentence of ``short``."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in long.eligible():
        for w in long.content[j]:
            index[w].append(j)
    out = []
    for i in short.eligible():
        shared = Counter(j for w in short.content[i] for j in index.get(w, ()))
        if shared:  # shared[j] = |sentence i & sentence j|: each sentence's words are a set
            size = len(short.content[i])
            dice, best = max((2 * n / (size + len(long.content[j])), -j) for j, n in shared.items())
            out.append((i, -best, dice))
    return out


def _ordered(a: Text, b: Text) -> tuple[Text, Text]:
    return (a, b) if len(a.eligible()) <= len(b.eligible()) else (b, a)


def _name_share(a: Text, b: Text) -> float:
    few, many = (a.names, b.names) if len(a.names) <= len(b.names) else (b.names, a.names)
    return len(few & many) / len(few) if few else 1.0


def rewrite_similarity(a: Text, b: Text) -> float:
    """The share of the shorter text's sentences that align with a sentence of the other (0 when
    fewer than ``MIN_ALIGNED`` align)."""
    short, long = _ordered(a, b)
    n = len(short.eligible())
    if n < MIN_SENTENCES or _name_share(a, b) < NAME_SHARE:
        return 0.0
    aligned = sum(1 for _, _, d in _alignment(short, long) if d >= ALIGN_DICE)
    return round(aligned / n, 4) if aligned >= min(MIN_ALIGNED, n) else 0.0


class CopyChange(BaseModel):
    """One thing a copy changed in a sentence it shares with the other article."""

    kind: Literal["name", "quote", "number"]
    before: str = Field(description="as the article written")
    after: str = Field(description="as the copy writes it")
    count: int = Field(default=1, description="how many aligned sentences make this change")
    diff: list[dict[str, str]] = Field(default_factory=list,
                                       description="for a quote: the word-level diff (op, ref, text)")


class CopyChanges(BaseModel):
    """What changed from one article to a copy of it, in the sentences the two share."""

    article_id: int
    copy_id: int
    aligned_sentences: int
    changes: list[CopyChange] = Field(default_factory=list)


def _names(sentence: str) -> list[str]:
    found = []
    for m in _NAME.finditer(sentence):
        name = m.group(0)
        at_start = not sentence[: m.start()].strip(" “\"'‘")
        if at_start and " " not in name:
            continue  # a capitalised first word is any word
        found.append(name)
    return found


def _pair_up(before: list[str], after: list[str], *, min_ratio: float) -> list[tuple[str, str]]:
    """Pair the items only one side has, most alike first (each used once)."""
    gone = [x for x in before if x not in after]
    new = [y for y in after if y not in before]
    scored = sorted(((difflib.SequenceMatcher(None, x.lower(), y.lower()).ratio(), x, y)
                     for x in gone for y in new), reverse=True)
    pairs, used_x, used_y = [], set(), set()
    for ratio, x, y in scored:
        if ratio >= min_ratio and x not in used_x and y not in used_y:
            pairs.append((x, y))
            used_x.add(x)
            used_y.add(y)
    return pairs


def _trim(before: str, after: str) -> tuple[str, str]:
    """The changed words of two names with one shared word around them ("UN Human Rights
    Commissioner Michelle Basele" / "... Bachelet" -> "Michelle Basele" / "Michelle Bachelet")."""
    x, y = before.split(), after.split()
    head = 0
    while head < min(len(x), len(y)) - 1 and x[head] == y[head]:
        head += 1
    tail = 0
    while tail < min(len(x), len(y)) - head - 1 and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    start, keep = max(0, head - 1), max(0, tail - 1)
    return " ".join(x[start : len(x) - keep]), " ".join(y[start : len(y) - keep])


def _sentence_changes(before: str, after: str) -> list[CopyChange]:
    out = [CopyChange(kind="name", before=b, after=a)
           for b, a in (_trim(x, y) for x, y in _pair_up(_names(before), _names(after), min_ratio=0.6))]
    out += [CopyChange(kind="number", before=x, after=y)
            for x, y in _pair_up(_NUMBER.findall(before), _NUMBER.findall(after), min_ratio=0.0)]
    quotes_b = [q for q in quoted_text(before) if len(words(q)) >= 3]
    quotes_a = [q for q in quoted_text(after) if len(words(q)) >= 3]
    for x, y in _pair_up(quotes_b, quotes_a, min_ratio=0.5):
        if words(x) != words(y):
            ops = [{"op": o.op, "ref": o.ref, "text": o.text} for o in diff(f"“{x}”", f"“{y}”")]
            out.append(CopyChange(kind="quote", before=x, after=y, diff=ops))
    return out


def changes(original: str, copy: str, *, article_id: int = 0, copy_id: int = 0) -> CopyChanges:
    """The names, quotes and numbers ``copy`` writes otherwise than ``original`` in the sentences
    the two share (aligned as for ``rewrite_similarity``), each change once with its count."""
    a, b = Text.of(original), Text.of(copy)
    pairs = [(i, j) for i, j, d in _alignment(b, a) if d >= ALIGN_DICE]
    seen: dict[tuple[str, str, str], CopyChange] = {}
    for j, i in pairs:
        for c in _sentence_changes(a.sentences[i], b.sentences[j]):
            key = (c.kind, c.before, c.after)
            if key in seen:
                seen[key].count += 1
            else:
                seen[key] = c
    order = {"name": 0, "quote": 1, "number": 2}
    found = sorted(seen.values(), key=lambda c: (order[c.kind], -c.count))
    return CopyChanges(article_id=article_id, copy_id=copy_id, aligned_sentences=len(pairs), changes=found)
