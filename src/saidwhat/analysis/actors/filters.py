"""What is not an actor, and where a name ends.

Actors are people, organisations, groups and anonymous sources. The tagger also tags products
("Nintendo Switch Lite"), job titles alone ("CEO"), acronyms of things (GDP, SSD), addresses
("P.O. Box 69440"), headings ("SUMMARY", "SPICED HONEY") and words written with a capital
("Drop", "Series"); these rules say no to them from the name and the page alone, without lists
of particular names. Each returns the reason, for tests and debugging.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.analysis.nlp import per_doc

__all__ = ["byline", "clip_name", "credit_line", "heading_tokens", "is_animate_head", "lowercase_words",
           "not_a_name", "person_name_end", "speaks_through"]

_ADDRESS = re.compile(r"\b(?:P\.?\s?O\.?\s?Box|Suite|Street|St\.|Ave\.?|Road|Rd\.)\s*\d|^\d+\s",
                      re.IGNORECASE)
_MODEL = re.compile(r"\d")  # "Dell G3 15", "Nighthawk X4", "RAV4": model numbers
_NAME_PUNCT = {"-", "–", ".", "&", "'", "’", "'s", "’s"}
# Tokens that open or close a quotation (``attribution.quotes.is_quote_token``'s, which this module
# cannot import: the attribution package imports it); none ends a name
_QUOTE_TOKENS = frozenset({"\u201c", "\u201e", "\u00ab", "``", "\u201f", "\u201d", "\u00bb", '"', "''"})
# Share of a line's words written in capitals above which it is a heading or a dateline
HEADING_CAPS_SHARE = 0.8
# A line of at most this many capitalised words, with no full stop, is a heading ("Key Specs")
HEADING_MAX_WORDS = 3
# A line in title case has at least this many capitalised words ("Tour Dates"; one word alone is
# the short-line rule's)
HEADING_MIN_CAPITALISED = 2
# Dashes that open a signature line: an embedded tweet's author ("— Jo Ng (@jong) November 1,
# 2019"), a reader review's ("– Ali"), a quotation's source. Such lines are neither headings nor
# list items: on the own pages 7 gold actors are named on them (a bullet's hyphen is no such dash)
SIGNATURE_DASHES = {"—", "–", "―"}
# Party letters of a legislator's tag, "Sen. Jo Ng (R-TX)", "Rep. Al Fox, D-Minn.": what follows
# the hyphen is the member's state, no actor
PARTY_LETTERS = {"R", "D", "I"}


def lowercase_words(doc: Doc) -> set[str]:
    """Words the page writes in lowercase somewhere: capitalised elsewhere, they are no names."""
    return set(per_doc(doc, "saidwhat_lower_words", lambda d: frozenset(
        t.text for t in d if t.is_alpha and t.text.islower() and not t.is_sent_start)))


def _ends_a_sentence(line: list[Token]) -> bool:
    return line[-1].text in (".", "!", "?", "”", '"')


def _title_case_line(words: list[Token], line: list[Token]) -> bool:
    """A line of capitalised words, perhaps with lowercase function words, that does not end like
    a sentence: a heading ("The Quarry Band Tour Dates", "Stadia Is A Beta Version Until 2020"),
    or a list item of names and places ("June 10 – Tampa, FL @ Harbour Credit Union Amphitheatre")."""
    capitalised = [t for t in words if t.text[0].isupper()]
    function_words = [t for t in words if t.is_lower and t.is_stop]
    if len(capitalised) + len(function_words) < len(words) or _ends_a_sentence(line):
        return False  # a lowercase content word: prose
    # "Not to get too Albert Einstein on you, but …" is a sentence of function words around a name
    return len(capitalised) >= max(HEADING_MIN_CAPITALISED, len(function_words) + 1)


def _verbless(line: list[Token]) -> bool:
    """A line without a verb is no running prose: a credit ("Art Director_Park Dong Woo, Lighting
    Design_Sin Ho"), a reference ("[1] Alarm fatigue: impacts on safety, Ruskin KJ. 2015; 28"),
    a caption or a list item. Its names describe or credit, they do not act."""
    return not any(t.pos_ in ("VERB", "AUX") or _contracted_is(t) for t in line)


def _contracted_is(tok: Token) -> bool:
    """A contracted "is" after a pronoun, which the tagger may call a particle: "Then there’s
    Axelrod.", "Here’s Clinton in 1992:" are sentences (PolNeAR train, eleventh identity gold: the
    line was taken for a heading, so Axelrod was no actor and his next "he wrote" went to Obama)."""
    return tok.lower_ in ("’s", "'s") and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("PRON", "ADV")


def _is_heading(line: list[Token]) -> bool:
    words = [t for t in line if t.is_alpha and len(t.text) > 1]
    if not words:
        return False
    caps = [t for t in words if t.is_upper]
    if len(caps) / len(words) >= HEADING_CAPS_SHARE:
        return True
    if line[0].text in SIGNATURE_DASHES:
        return False  # "— Jo Ng (@jong) November 1, 2019", "– Ali": who wrote a tweet or a review
    # a short line of capitalised words without a sentence's end: "Summary", "Key Specs"
    short = len(words) <= HEADING_MAX_WORDS and all(t.is_title or t.is_upper for t in words)
    if short and not _ends_a_sentence(line):
        return True
    return _title_case_line(words, line) or _verbless(line)


def name_cased(tok: Token) -> bool:
    """A word written as a name is: title case ("Trump"), or a surname prefix and a capital
    ("McDonough", "DeSantis", "LeVell"), which ``Token.is_title`` turns down (PolNeAR train, eleventh
    identity gold: "Mr. McDonough" was no mention, so his "he said" went to the man named before
    him). Not other words with a capital inside: those are mostly brands ("WeWork", "YouTube")."""
    return tok.is_title or (tok.text.isalpha() and any(_prefixed(tok.text, p) for p in lx.SURNAME_PREFIXES))


def _prefixed(text: str, prefix: str) -> bool:
    rest = text[len(prefix):]
    return text.startswith(prefix) and len(rest) > 1 and rest[0].isupper() and rest[1:].islower()


def heading_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of the lines that are no running prose: headings in capitals ("SPICED HONEY PEAR
    JAM", "BUFFALO —"), short capitalised lines without a full stop ("Summary"), lines in title
    case (``_title_case_line``) and lines without a verb (``_verbless``). Computed once per Doc
    (``doc.user_data``)."""
    return per_doc(doc, "saidwhat_heading_tokens", lambda d: frozenset(_heading_tokens(d)))


def _heading_tokens(doc: Doc) -> set[int]:
    out: set[int] = set()
    line: list[Token] = []
    for tok in [*doc, None]:
        if tok is None or "\n" in tok.text:
            if line and _is_heading(line):
                out.update(t.i for t in line)
            line = []
        else:
            line.append(tok)
    return out


def _is_role_word(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in lx.ROLE_ACRONYMS or low in lx.TITLES or tok.lemma_.lower() in lx.ROLE_NOUNS \
        or low in lx.FUNCTION_WORDS


def _caps_word(tok: Token, lower: set[str]) -> bool:
    """A word in capitals the page also writes in lowercase ("SPACE", "JAM"): not an acronym."""
    return tok.is_upper and len(tok.text) >= 3 and tok.text.lower() in lower


_OPEN_QUOTES = {"“", '"', "‘", "'", "«"}
_CLOSE_QUOTES = {"”", '"', "’", "'", "»"}


def _in_quotation_marks(span: Span) -> bool:
    """A name that is the whole of a quoted string: "“War & Peace”", a title, not an actor."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in _OPEN_QUOTES and after in _CLOSE_QUOTES


def _party_tag_state(span: Span) -> bool:
    """"(R-TX)", "D-Minn.": the state in a legislator's party tag, right after "R-" or "D-"."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in PARTY_LETTERS \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


# Verbs that give a title: "a poem called “…”", "an album titled “…”"
NAMING_WORDS = {"called", "titled", "entitled", "dubbed", "named"}


def _in_quoted_title(span: Span) -> bool:
    """A name inside a quoted title after "a poem called", "the album titled" ("a poem called
    “Winter Gate, Orvane Station,”"): the thing noun before the naming word makes it a work's
    title; "a group called “Doctors for X”" is an organisation's name and stays."""
    noun = _noun_naming(span)
    return noun is not None and not is_animate_head(noun)


def _noun_naming(span: Span) -> Token | None:
    """The noun before "called" (or another naming word) right before the quotation the name is in."""
    doc = span.doc
    sent_start = span.sent.start
    opening = next((i for i in range(span.start - 1, sent_start - 1, -1)
                    if doc[i].text in _OPEN_QUOTES | _CLOSE_QUOTES), None)
    if opening is None or doc[opening].text not in _OPEN_QUOTES or opening < sent_start + 2:
        return None
    naming, noun = doc[opening - 1], doc[opening - 2]
    return noun if naming.lower_ in NAMING_WORDS and noun.pos_ == "NOUN" else None


def _named_thing(span: Span) -> bool:
    """A name right after a thing noun and a naming word, without quotation marks: "an online
    course called Deep Roots", "a film titled Salt Meridian"; "a man named Jo Ng" and "a firm
    called Orvane" name actors (an animate noun before the naming word)."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].lower_ not in NAMING_WORDS:
        return False
    noun = doc[i - 2]
    return noun.pos_ == "NOUN" and not is_animate_head(noun)


def _quoted_title(span: Span) -> bool:
    """The name is a quoted string ("“War & Peace”") or inside a quoted title after "a poem
    called"; "a group called “Doctors for X”" names a body (an animate noun before the naming word)."""
    if _in_quoted_title(span):
        return True
    noun = _noun_naming(span)
    return _in_quotation_marks(span) and (noun is None or not is_animate_head(noun))


def _starts_sentence(tok: Token) -> bool:
    """The first word of its sentence, or of a quotation that opens it: its capital says nothing."""
    if tok.is_sent_start:
        return True
    before = tok.doc[tok.sent.start : tok.i]
    return len(before) > 0 and all(t.is_punct or t.is_space for t in before)


def _title_run_side(span: Span, step: int) -> list[Token]:
    """The capitalised words and lowercase function words next to ``span`` on one side, up to
    punctuation or a lowercase content word."""
    doc, out = span.doc, []
    i = span.start - 1 if step < 0 else span.end
    while 0 <= i < len(doc) and doc[i].is_alpha and (doc[i].text[0].isupper() or doc[i].is_stop):
        out.append(doc[i])
        i += step
    return out


def _in_a_title(span: Span) -> bool:
    """The name ends a run of title-case words with a capitalised verb in it: a title written
    in the sentence ("in this series, How to Adopt an Online Leader Success Mindset"), not a
    name. The verb must be inside the run, after another of its words: a capitalised verb opening
    a line, a sentence or a quotation ("Based on X's …", "“Can I give it to X?”", "- Ousted CEO X")
    is a sentence's first word; nor may it belong to a name ("Will")."""
    run = _title_run_side(span, -1) + _title_run_side(span, 1)
    inside = {t.i for t in run} | set(range(span.start, span.end))
    return any(t.pos_ in ("VERB", "AUX") and t.text[0].isupper() and len(t.text) > 1
               and t.i - 1 in inside and not t.ent_type_ for t in run)


def _credit_glue(span: Span) -> str | None:
    """A credit, not an actor: "Art Director_Oh Min" (a role and a name joined by an underscore)
    or the holder after a copyright sign ("photos © Studio Varga, 2018")."""
    if any("_" in t.text for t in span):
        return "credit joined by an underscore"
    if span.start > 0 and span.doc[span.start - 1].text == "©":
        return "copyright credit"
    return None


def _thing_name(text: str, words: list[Token]) -> str | None:
    """A product, a model, an event, a law, a plan or a market index, from the name's words."""
    if "+" in text or any(_MODEL.search(t.text) for t in words):
        return "product model"
    last = words[-1].lower_
    if len(words) == 1:
        return None
    if last in lx.PRODUCT_WORDS and not _watchdog(words):
        return "product"
    if last in lx.EVENT_HEADS | lx.LAW_HEADS:
        return "event or law"
    if last in lx.MARKET_HEADS:
        return "market index"
    return "plan" if last in lx.PLAN_HEADS else None


def _watchdog(words: list[Token]) -> bool:
    """A watchdog's name ("Human Rights Watch", "Judicial Watch": 36 mentions in PolNeAR, all lost
    as products), not a product ("the Apple Watch", "a Galaxy Watch", "your Apple Watch"): the
    product takes a determiner or a possessive, the organisation's name stands bare."""
    if words[-1].lower_ not in lx.WATCHDOG_WORDS:
        return False
    before = words[0].doc[words[0].i - 1] if words[0].i > 0 else None
    return before is None or before.dep_ not in ("det", "poss")


def not_a_name(span: Span, lower: set[str], *, organisation: bool = False) -> str | None:
    """Why a tagged name is no actor's name, or None when it may be one.

    ``organisation``: the tagger called it one; a capitalised common word is then a name
    ("The Times", "Apple"), while a "person" that the page also writes in lowercase is a thing.
    """
    words = [t for t in span if not t.is_punct and t.lower_ != "the"]
    if not words:
        return "empty"
    text = span.text
    if all(_is_role_word(t) for t in words):
        return "job title"
    if len(words) == 1 and words[0].lower_.strip(".") in lx.THING_ACRONYMS:
        return "acronym of a thing"
    if _ADDRESS.search(text):
        return "address"
    thing = _thing_name(text, words)
    if thing is not None:
        return thing
    if _quoted_title(span) or _named_thing(span) or _in_a_title(span):
        return "title of a work"
    credit = _credit_glue(span)
    if credit is not None:
        return credit
    if span[0].text in line_labels(span.doc):
        return "line label"  # "Summary Yoga can help": a name the tagger missed, glued to its label
    if any(t.pos_ in ("VERB", "AUX") and t.text.islower() for t in words):
        return "clause"  # "Garrett hit Rudolph": the tagger ran over a verb
    if _party_tag_state(span):
        return "state in a party tag"
    if _name_pair(words, span):
        return "pair of names"
    if "@" in text:
        return "social media handle"  # "Follow Jo Ng on Twitter @jong": a credit, not a name
    return _one_word_reason(words[0], lower, organisation) if len(words) == 1 else None


def _name_pair(words: list[Token], span: Span) -> bool:
    """Two names joined by a hyphen that modify a noun, each a person's name elsewhere in the text:
    "a Clinton-Warren ticket", "the Johnson-Weld campaign", "a Trump-Clinton race" pair two people;
    no one is called so (PolNeAR train: the pair took the article's "Warren", "Weld", "Trump" or
    "Clinton" and their quotes). A hyphenated first name ("Rose-Lynn's song") is one person."""
    if len(words) != 2 or len(span) != 3 or span[1].text not in _JOINING_DASHES:
        return False
    joined = span[0].whitespace_ == "" and span[1].whitespace_ == ""
    last = span[-1]
    if not (joined and all(w.is_title for w in words) and last.dep_ in ("compound", "amod", "nmod")
            and last.head.pos_ == "NOUN" and last.head.i > last.i):
        return False
    alone = _names_alone(span.doc)
    return all(w.text in alone for w in words)


def _names_alone(doc: Doc) -> set[str]:
    """The words of person names not joined to another by a hyphen ("Rose" of "Rose-Lynn Harlan" is
    not one)."""
    def joined(t: Token) -> bool:
        return (t.i > 0 and doc[t.i - 1].text in _JOINING_DASHES) or (
            t.i + 1 < len(doc) and doc[t.i + 1].text in _JOINING_DASHES)
    return {t.text for t in doc if t.ent_type_ == "PERSON" and not joined(t)}


def _one_word_reason(word: Token, lower: set[str], organisation: bool) -> str | None:
    """Why a one-word name is no name: a word the page also writes in lowercase, or a verb."""
    if not organisation and (_caps_word(word, lower) or (word.is_title and word.lower_ in lower)):
        return "common word"
    if organisation and _caps_word(word, lower) and len(word.text) > 4:
        return "word in capitals"
    if word.is_title and word.lower_ in lower and _starts_sentence(word):
        return "common word at a sentence's start"  # "Plague can be fatal", "“Sacrifice is necessary"
    if word.pos_ == "VERB":
        return "a verb"  # "GET OUT and VOTE": the parser reads the one word as a verb
    return None


def _trailing_junk(tok: Token) -> bool:
    """A word no name ends with: "and", "for", "that", a bracket, "=" ("Associated Press that"), a
    quotation mark ("Donald Trump ''doesn't want", where the text opens a quote with two apostrophes)."""
    if tok.text in (")", "]", "=", "(", "[", ":", ";", ",") or tok.text in _QUOTE_TOKENS:
        return True
    return tok.is_alpha and tok.text.islower() and tok.lower_ not in lx.SURNAME_PARTICLES


_HYPHENS = {"-", "‐"}
# What joins two names into a pair ("Clinton-Warren", "Trump–Clinton"): a hyphen or an en dash
_JOINING_DASHES = _HYPHENS | {"–"}
# Words a name forms an adjective with ("Trump-era", "Obama-style"); participles ("Pelosi-led",
# "Saudi-backed") and adjectives are told by their tag instead
NAME_COMPOUND_TAILS = {"era", "style", "like", "type", "esque", "ish", "age", "time", "year", "side", "wide"}


def hyphen_joined(doc: Doc, i: int) -> bool:
    """A lowercase word joined by a hyphen, without spaces, to the capitalised word before it:
    the last part of a name ("Moon Jae-in", "Cheuk Hau-yip"), not a trailing word to clip, nor
    what makes the name an adjective ("Pelosi-led", "Trump-era")."""
    tail = doc[i]
    if i < 2 or not tail.is_alpha or doc[i - 1].text not in _HYPHENS:
        return False
    if tail.tag_ in ("VBN", "VBD", "VBG", "JJ") or tail.lower_ in NAME_COMPOUND_TAILS:
        return False
    before = doc[i - 2]
    attached = before.whitespace_ == "" and doc[i - 1].whitespace_ == ""
    return attached and before.is_title and before.pos_ == "PROPN"


def hyphen_tail(doc: Doc, end: int) -> int:
    """The end of a name the tagger cut before a hyphenated lowercase part ("Moon Jae" of "Moon Jae-in")."""
    while end + 1 < len(doc) and hyphen_joined(doc, end + 1):
        end += 2
    return end


# Marks no name runs across: a label's colon ("Ed Holm: Dealing in cocaine", a list of charges)
# and a handle's at sign, alone or opening a token ("Twitter @edholm", "TX @ Harbour Amphitheatre")
NAME_STOPS = {":", "@"}


# Words that end a name in a title-case headline, where every word is capitalised and the tagger
# runs the name on ("Trump Says He’s Unlikely To Have …" was the person "Trump Says He" and took
# the article's later "Trump"s from Donald Trump; PolNeAR train). Pronouns and the headline's
# verbs of saying only: "Said" is a surname (Edward Said).
HEADLINE_BREAKS = {"says", "tells", "warns", "slams", "urges", "vows", "claims", "he", "she", "they", "we",
                   "his", "her", "its"}

# Prepositions and conjunctions a title-case headline capitalises, which no person's name holds
# ("Dorothy Woods Defends Trump Amid Military-Related Controversies" had the person "Trump Amid
# Military-Related", to whom a "she" of the article then went; PolNeAR train, fourth round of
# judged speakers). Persons only (``person_name_end``): "Doctors Without Borders" keeps "Without".
HEADLINE_LINKS = frozenset({"amid", "amidst", "after", "before", "against", "over", "with", "without",
                            "from", "into", "about", "despite", "during", "under", "for", "on", "at",
                            "in", "to", "by", "as", "and", "or", "but", "vs", "versus", "than", "via",
                            "among", "toward", "towards", "through"})


def person_name_end(doc: Doc, start: int, end: int) -> int:
    """Where a person's name ends before a capitalised headline link word (``HEADLINE_LINKS``)
    that more of the name follows; as its last word it is a surname ("Al From said")."""
    return next((i for i in range(start + 1, end - 1)
                 if doc[i].is_title and doc[i].lower_ in HEADLINE_LINKS), end)


# A word is a label glued to the lines it opens ("Summary Studies show …", "DEAR ABBY: …") when it
# opens at least this many lines, each time before a different capitalised word, and the page
# never writes it anywhere else. On the own pages two words pass, "Summary" (15 lines) and "DEAR"
# (6); function words ("The") and titles ("President") are never labels.
LABEL_MIN_LINES = 3


def _line_starts(doc: Doc) -> list[Token]:
    return [t for t in doc if not t.is_space and (t.i == 0 or "\n" in doc[t.i - 1].text
                                                  or "\n" in doc[t.i - 1].whitespace_)]


def line_labels(doc: Doc) -> set[str]:
    """Words that label the lines they open rather than begin a name (``LABEL_MIN_LINES``)."""
    return set(per_doc(doc, "saidwhat_line_labels", _line_labels))


def _line_labels(doc: Doc) -> frozenset[str]:
    starts = _line_starts(doc)
    followers: dict[str, set[str]] = {}
    for tok in starts:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.is_alpha and tok.text[0].isupper() and nxt is not None and nxt.text[:1].isupper():
            followers.setdefault(tok.text, set()).add(nxt.text)
    at_start = {w: sum(t.text == w for t in starts) for w in followers}
    return frozenset(w for w, nxt in followers.items()
                     if len(nxt) >= LABEL_MIN_LINES and sum(t.text == w for t in doc) == at_start[w]
                     and not doc.vocab[w].is_stop and w.lower().rstrip(".") not in lx.TITLES)


def clip_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name within one line, without trailing scores or dashes ("Nicolas Jarry 6 - 4"), without
    what a possessive inside it owns ("Robert Jordan’s Wheel" → "Robert Jordan") and without what
    follows a colon or an at sign (``NAME_STOPS``), nor a label opening its line (``line_labels``)."""
    for i in range(start, end):
        if "\n" in doc[i].text or (i + 1 < end and "\n" in doc[i].whitespace_):
            head_line = doc[start : i + 1] if "\n" not in doc[i].text else doc[start:i]
            if any(t.is_title for t in head_line):
                end = head_line.end
            else:
                start = i + 1
            break
    for i in range(start, end - 1):
        if doc[i].text in ("’s", "'s"):  # "Robert Jordan’s Wheel": the name is the possessor
            end = i
            break
    if end - start > 1 and doc[start].text in line_labels(doc):
        start += 1  # "Summary Studies show …": the line's label is no part of the name
    if end - start > 1 and _inverted_cue(doc, start, end):
        start += 1  # "Said Comey, “…”": the cue before its speaker (not "Said Jalili", a name)
    for i in range(start + 1, end):
        if doc[i].text[:1] in NAME_STOPS:  # "Ed Holm: Dealing in …", "Twitter @edholm"
            end = i
            break
        if doc[i].lower_ in HEADLINE_BREAKS:  # "Trump Says He’s Unlikely To …": a title-case headline
            end = i
            break
    end = _inner_end(doc, start, end)
    while end > start and not hyphen_joined(doc, end - 1) and _not_in_name(doc[end - 1]):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


# Verbs of saying that open an inverted attribution before the speaker's name ("Said Comey, “…”"),
# which the tagger takes into the name (PolNeAR train, sixth identity gold: an actor "Said Comey").
_INVERTED_CUES = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "replied"})


def _inverted_cue(doc: Doc, start: int, end: int) -> bool:
    """"Said Comey, “…”": a verb of saying opening its sentence before a name that a quotation
    follows (after a comma or colon), or that the tagger read as a verb."""
    tok = doc[start]
    if tok.lower_ not in _INVERTED_CUES:
        return False
    after = [t.text for t in doc[end: end + 2]]
    if after[:1] and after[0] in (",", ":"):
        after = after[1:]
    return tok.pos_ == "VERB" or (bool(tok.is_sent_start) and after[:1] != [] and after[0] in _QUOTE_TOKENS)


# Punctuation no name runs over: "Ministry of Energy (MOTIE" ends before the bracket (the acronym it
# opens is defined after the name), "Christopher D. Battin: Dealing" before the colon
_NAME_BREAKS = {"(", "[", ":"}


# Words that make a name an organisation's, before an "of": "John Jay College of X"
_ORG_WORDS = lx.ORG_HEADS | lx.ORG_SUFFIXES | {"college", "academy", "hospital", "church", "society",
                                               "museum", "library", "clinic", "laboratory", "lab"}


def _inner_end(doc: Doc, start: int, end: int) -> int:
    """Where a name ends inside the tagged span: before a bracket or a colon, and before "of" after
    a person's full name ("Penelope Muse Abernathy of the University of X": a person and her
    affiliation, not one organisation). "John Jay College of X" is one: an organisation's head
    ("College") comes before the "of"."""
    for i in range(start + 1, end):
        if doc[i].text in _NAME_BREAKS:
            return i
        if doc[i].lower_ == "of" and _full_person_name(doc[start:i]):
            return i
    return end


def _full_person_name(words: Span) -> bool:
    """Two or three capitalised words opening with a listed first name, none an organisation's word."""
    if not 2 <= len(words) <= 3 or not all(t.is_title for t in words):
        return False
    if any(t.lower_ in _ORG_WORDS for t in words):
        return False
    return name_list_gender(words[0].text) is not None


def _not_in_name(tok: Token) -> bool:
    """A last word no name ends with: a number, a dash, a space, "and" ("Nicolas Jarry 6 -")."""
    return tok.like_num or tok.text in _NAME_PUNCT - {"."} or tok.is_space or _trailing_junk(tok)


def credit_line(doc: Doc, start: int, end: int) -> bool:
    """A news agency's credit in a dateline, "LOS ANGELES (AP) —": who wrote, not who acts."""
    if start < 2 or end + 1 >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    if doc[end + 1].text not in ("—", "–", "-", "--"):
        return False
    place = doc[start - 2]
    return place.is_upper or place.ent_type_ == "GPE"


def byline(doc: Doc, start: int, end: int) -> bool:
    """"... by Jeff Foust Monday, November 18": the page's author, followed by the date or the line's end."""
    if start < 1 or doc[start - 1].lower_ != "by" or doc[start - 1].dep_ == "agent":
        return False
    after = doc[end] if end < len(doc) else None
    if after is None or "\n" in doc[end - 1].whitespace_:
        return True
    return after.ent_type_ == "DATE" or "\n" in after.text


def speaks_through(head: Token) -> bool:
    """Whether a noun a name modifies is the name's publication or its people ("a new ABC News
    poll", "NASA officials"): the name is then a participant, not a mere modifier."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in lx.SPOKEN_FOR


def names_someone(tok: Token) -> bool:
    """A noun that names a person or a body by a name or a listed noun ("an anonymous government
    source", "local news outlets", "Reuters"); not a document ("a report"), nor what the looser
    ``is_animate_head`` lets through by its ending ("several factors", "an investigation")."""
    lemma = tok.lemma_.lower()
    if lemma in lx.DOCUMENT_HEADS:
        return False
    lists = (lx.ROLE_NOUNS, lx.ANONYMOUS_HEADS, lx.GROUP_HEADS, lx.ORG_HEADS, lx.ANIMATE_HEADS)
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.pos_ == "PROPN" \
        or any(lemma in words or tok.lower_ in words for words in lists)


def is_animate_head(tok: Token) -> bool:
    """Whether a description's head noun can name who speaks ("forecasters", not "the level")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    lists = (lx.ROLE_NOUNS, lx.ANONYMOUS_HEADS, lx.GROUP_HEADS, lx.ORG_HEADS, lx.ANIMATE_HEADS,
             lx.DOCUMENT_HEADS, lx.STATE_HEADS)
    if any(lemma in words or low in words for words in lists):
        return True
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if any(c.ent_type_ in ("GPE", "NORP", "ORG") for c in modifiers):
        return True  # "the US military", "Chinese state media": who, not what
    if tok.ent_type_ in ("NORP", "PERSON", "ORG") or tok.pos_ == "PROPN":
        return True
    return lemma.endswith(lx.PERSON_SUFFIXES)
