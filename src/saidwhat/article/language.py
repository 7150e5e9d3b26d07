"""Which language is the article in? py3langid, guarded against its known weakness on short texts.

Extraction works on any language and records it (``Article.language``). saidwhat's analysis
(spaCy English model, English cue lexicons) is only meaningful on English, so analysis refuses a
non-English article with ``UnsupportedLanguageError`` naming the language found.
A character n-gram classifier is unsure on a few words ("Obama wins" comes out as Quechua), so a
text is refused only when the classifier is confident *and* the text lacks English function
words; a short or mixed English text is never refused on the classifier's word alone.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from saidwhat.errors import UnsupportedLanguageError

__all__ = ["LANGUAGE_NAMES", "check_english", "detect_language", "english_ratio", "ensure_english",
           "identify_language", "language_label"]

#: Classifier confidence (normalised probability) needed to refuse a text.
MIN_CONFIDENCE = 0.9
#: Share of English function words at or above which a text is taken as English regardless.
ENGLISH_RATIO = 0.12
#: Characters classified: the start of a long article is enough and keeps this fast.
SAMPLE_CHARS = 4000

LANGUAGE_NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}

_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "it", "at", "from",
     "he", "she", "his", "her", "they", "their", "are", "were", "be", "been", "has", "have", "had", "not",
     "but", "this", "which", "who", "will", "would", "said", "says", "an", "or", "its", "we", "our", "you",
     "i", "if", "than", "about", "after", "over", "into", "more", "also", "there", "when", "what", "one"]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model (about half a second to load, so once per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the start of ``text``."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def english_ratio(text: str) -> tuple[float, int]:
    """Share of words that are common English function words, and the number of words seen."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _FUNCTION_WORDS) / len(words), len(words)


def identify_language(text: str) -> str:
    """The language of ``text`` as an ISO 639-1 code (``"en"`` for English).

    A text is taken for English unless the classifier is confident of another language *and*
    the text lacks English function words (see the module doc); a short or mixed English text
    is never given another language on the classifier's word alone.
    """
    lang, prob = detect_language(text)
    if lang == "en":
        return "en"
    ratio, words = english_ratio(text)
    if ratio >= ENGLISH_RATIO:
        return "en"
    confident = prob >= MIN_CONFIDENCE or (words >= 60 and ratio < 0.04)
    if not confident or words < 4:
        return "en"
    return lang


def language_label(code: str) -> str:
    """"German (de)" for a known code, else the code itself."""
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def ensure_english(language: str | None, source: str | None) -> None:
    """Raise UnsupportedLanguageError naming ``language`` unless it is English (or unknown)."""
    if language is None or language == "en":
        return
    raise UnsupportedLanguageError(
        f"the article is in {language_label(language)}; saidwhat analyses English only "
        "(saidwhat extract reads any language)", input=source
    )


def check_english(text: str, source: str | None) -> str:
    """Return "en", or raise UnsupportedLanguageError naming the language detected."""
    language = identify_language(text)
    ensure_english(language, source)
    return language
