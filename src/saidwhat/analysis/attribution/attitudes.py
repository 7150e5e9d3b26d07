"""Attitudes toward someone: "Obama castigated Trump", "supporters of Hillary Clinton", "an endorsement by X".

PolNeAR marks as attributions not only what a source says but the side it takes toward someone
by backing or attacking them: the source is the one who backs or attacks, the cue the word of
it, the content the person ("Obama castigated [Donald Trump for …]", "Teachers unions were
among the earliest supporters of [Hillary Clinton]", "Clinton has the support of [women]" with
Clinton as the content). The tagger, trained on sentences of saying, rarely finds them: on the
107 labelled PolNeAR train articles, 31 of the 65 support/oppose pairs without an extracted
attribution are such attitudes (17 of the 21 support pairs; ``docs/stance.md``).

They are **not quotes**: ``find_attributions`` adds them only when asked (``attitudes=True``: the
``polnear`` profile of ``saidwhat attributions`` and the stance benchmarks), typed ``belief``
(hidden from a reader's view), each with its side in ``Attribution.attitude``, which the stance
step reads as the source's stance toward a target in the content (``stance/assign.py``).
``analyze`` never asks for them; it reads acts toward the target as reactions (``stance/actions.py``).

An attitude is a verb, a participle or a noun of backing or attacking (``SUPPORT_WORDS``,
``OPPOSE_WORDS``, verbs with a preposition ``PREP_VERBS``, nouns with theirs ``NOUN_PREPS``), with
someone as the one acted on — a name, a person's pronoun, an animate noun — and a source: the
subject (of the verb, or of the verb or copula the noun hangs from), the passive agent, the noun
a participle modifies ("NFL legend supporting Trump"), the possessor ("Le Pen's endorsement"),
"of / from X" after "support" whose subject is the one backed ("Clinton has the support of
women"), or the noun itself ("Supporters of Hillary Clinton"). Not in questions, not in relative
clauses (PolNeAR leaves "X, who supports Clinton," unmarked: the first try of this rule added
mostly those and questions), not where an attribution the tagger found already holds the word
or the person. Negation flips the side ("did not endorse").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.actors.filters import is_animate_head
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.schema import StanceLabel


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lemmas of backing: the verb's object, or the noun's complement, is backed.
SUPPORT_WORDS = _words("""
support endorse back defend praise applaud hail laud commend champion embrace
supporter endorsement backer defender champion ally booster backing
""")
#: Lemmas of attacking.
OPPOSE_WORDS = _words("""
attack criticize criticise castigate trash slam blast denounce mock ridicule lambaste assail
deride disparage insult smear tarnish rebuke chastise berate scold excoriate bash savage oppose
critic opponent detractor foe criticism opposition attack discomfort
""")
#: Verbs whose side is taken toward the object of a preposition ("rally behind her").
PREP_VERBS: dict[str, tuple[str, frozenset[str]]] = {
    "rally": ("support", frozenset({"behind", "around"})),
    "stand": ("support", frozenset({"by", "behind"})),
    "line": ("support", frozenset({"behind"})),
    "side": ("support", frozenset({"with"})),
    "turn": ("oppose", frozenset({"on", "against"})),
    "lash": ("oppose", frozenset({"at"})),
}
#: Prepositions that take the one backed or attacked after a noun ("supporters of", "support for",
#: "attacks on", "opposition to", "discomfort with").
NOUN_PREPS = _words("of for to on against with")
#: Verbs whose subject is the one backed when their object is "support" ("Clinton has the
#: support of women", "received support from …").
RECEIVING = _words("have receive win get earn gain enjoy draw attract")

#: Nouns that name the backers or attackers themselves ("Supporters of Hillary Clinton").
AGENT_NOUNS = _words("supporter backer defender champion ally booster critic opponent detractor foe")

_PERSON_PRONOUNS = _words("him her them he she they")
_RELATIVE = _words("who whom that which")


def _side(lemma: str) -> StanceLabel | None:
    if lemma in SUPPORT_WORDS:
        return "support"
    if lemma in OPPOSE_WORDS:
        return "oppose"
    return None


def _can_be_someone(tok: Token) -> bool:
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        return False  # "criticism on Tuesday"
    return tok.lower_ in _PERSON_PRONOUNS or (tok.pos_ != "PRON" and is_animate_head(tok))


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _negated(*toks: Token) -> bool:
    return any(c.dep_ == "neg" for t in toks for c in t.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, its passive agent, or for a participle the noun it modifies; for a
    verb without one (a clause of purpose or manner), its governing verb's subject."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
        if c.dep_ == "agent":
            return _pobj(c)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # "NFL legend supporting Donald Trump"
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ == "pcomp":  # "pays a price for supporting Trump": the payer
        up = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return _subject(up) if up is not None else None
    return None


def _verb_attitude(verb: Token) -> tuple[Token, Token, StanceLabel] | None:
    """(source head, person head, side) of a verb of backing or attacking."""
    lemma = verb.lemma_.lower()
    side: StanceLabel | None = _side(lemma) if verb.pos_ == "VERB" else None
    person = None
    if side is not None:
        person = next((c for c in verb.children if c.dep_ == "dobj"), None)
    elif lemma in PREP_VERBS and verb.pos_ == "VERB":
        side_name, preps = PREP_VERBS[lemma]
        side = "support" if side_name == "support" else "oppose"
        prep = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None)
        person = _pobj(prep) if prep is not None else None
    if side is None or person is None or verb.dep_ == "relcl":
        return None
    source = _subject(verb)
    if source is None or source.lower_ in _RELATIVE:
        return None
    return source, person, _flip(side) if _negated(verb) else side


def _noun_attitude(noun: Token) -> tuple[Token, Token, StanceLabel] | None:
    """(source head, person head, side) of a noun of backing or attacking."""
    side = _side(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    if side is None:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "among the supporters of": the copula
    if noun.lemma_.lower() == "support" and noun.dep_ == "dobj" and head.lemma_.lower() in RECEIVING:
        backed = next((c for c in head.children if c.dep_ == "nsubj"), None)
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        preps += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i]
        backer = next((p for p in (_pobj(c) for c in preps) if p is not None), None)
        if backed is None or backer is None or head.dep_ == "relcl":
            return None
        return backer, backed, _flip(side) if _negated(head) else side
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS]
    if not preps and noun.dep_ == "dobj":  # "pledged their support to Clinton"
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS and c.i > noun.i]
    person = next((p for p in (_pobj(c) for c in preps) if p is not None), None)
    by = next((_pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if person is None and by is not None:  # "a Trump endorsement by Le Pen": the name before it
        person = next((c for c in noun.children
                       if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ == "PERSON"), None)
    if person is None:
        return None
    source = by or next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None and noun.dep_ in ("attr", "dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
        source = _subject(head)
    if source is None and noun.dep_ == "appos":
        source = noun.head
    if source is None and noun.lemma_.lower() in AGENT_NOUNS:
        source = noun
    if source is None or source.lower_ in _RELATIVE or head.dep_ == "relcl":
        return None
    return source, person, _flip(side) if _negated(head) else side


def _flip(side: StanceLabel) -> StanceLabel:
    return "oppose" if side == "support" else "support"


def _extent(tok: Token, stop: Token | None = None) -> tuple[int, int]:
    """Token range [first, last] of ``tok``'s subtree, cut before ``stop`` when it is inside."""
    first, last = tok.left_edge.i, tok.right_edge.i
    if stop is not None and first <= stop.i <= last:
        if stop.i > tok.i:
            last = stop.i - 1
        else:
            first = stop.i + 1
    return first, last


def _chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    span: Span = doc[first : last + 1]
    return span.start_char, span.end_char


def _attribution(doc: Doc, cue: Token, source: Token, person: Token, side: StanceLabel) -> Attribution:
    first, last = _extent(person, cue)
    if cue.pos_ == "VERB":  # "castigated Trump for exploiting …": the reason goes with him
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > last:
                last = c.right_edge.i
    src = _extent(source, cue) if source is not cue else (source.left_edge.i, source.i)
    return Attribution(content=[_chars(doc, first, last)], cue=[(cue.idx, cue.idx + len(cue.text))],
                       source=[_chars(doc, *src)], kind="indirect", confidence=0.5, type="belief",
                       attitude=side)


def attitude_attributions(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """The attitudes of ``doc`` (see the module docstring) that no attribution of ``found`` holds."""
    taken: set[int] = set()
    for att in found:
        for s, e in att.cue + att.content:
            taken.update(range(s, e))
    out: list[Attribution] = []
    for tok in doc:
        got = _verb_attitude(tok) or _noun_attitude(tok)
        if got is None:
            continue
        source, person, side = got
        if (tok.idx in taken or person.idx in taken or not _can_be_someone(person)
                or tok.sent.text.rstrip().endswith("?")):
            continue
        out.append(_attribution(doc, tok, source, person, side))
    return out
