"""High-precision rules that repair the tagger's labels before assembly.

Quote–trailer rule: a quotation that opens its sentence and is followed by a short
"<speaker> <cue verb>" or "<cue verb> <speaker>" trailer is a direct quote with that cue and
source ("“…,” Toomey fumed." / "“…,” said Mr. Smith, a spokesman."). The tagger sometimes runs
the content over the trailer when the parse is broken (a missing comma before the closing
mark); this rule cuts it back. The cue verbs come from the learned lexicon, not a list here.
"""

from __future__ import annotations

from spacy.tokens import Token

from saidwhat.analysis.actors import lexicon as lx
from saidwhat.analysis.attribution.features import DocView
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.quotes import AMBIGUOUS, CLOSE, OPEN
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import QuoteKind

TRAILER_CUE = 0.1
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "ADP", "CCONJ", "PART", "PUNCT"})
_END = frozenset({".", "!", "?", ";", ":"})


# Confidence given to the tokens a rule labels (the rules are precise; see docs/attribution.md).
RULE_CONFIDENCE = 0.9


def _set(labels: dict[int, str], toks: list[int], role: str, probs: dict[int, float]) -> None:
    for k, i in enumerate(toks):
        labels[i] = ("B-" if k == 0 else "I-") + role
        probs[i] = max(probs.get(i, 0.0), RULE_CONFIDENCE)


def _quotes(v: DocView) -> list[tuple[int, int]]:
    """(first, last) token of every closed quotation, marks included."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, q in enumerate(v.qid):
        if q < 0:
            continue
        if start < 0 or v.qid[start] != q:
            start = i
        if v.text[i] in CLOSE or (v.text[i] in AMBIGUOUS and i > start):
            out.append((start, i))
    return out


# Where a trailer's verb may stand: "William M. Daley, President Obama's former chief of staff,
# said" puts it thirteenth (PolNeAR train, under a CRF that had not seen the article; ten before
# session 28). Chosen by reading, not fitted.
TRAILER_VERB_WITHIN = 14
# How far a trailer runs, so that what follows the verb ("said of their time in the
# administration") is taken out of the content with it.
TRAILER_WORDS = 20


def quote_trailer(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """Apply the quote–trailer rule in place."""
    for first, last in _quotes(v):
        words = [i for i in range(first + 1, last) if v.pos[i] not in ("PUNCT", "SPACE")]
        if len(words) < 3 or not _opens_sentence(v, first):
            continue
        j, trailer = _trailer(v, last)
        found = _trailer_cue_and_source(v, trailer)
        if found is None:
            continue
        cue, source = found
        content = list(range(first, last + 1))
        while j - 1 > last and v.text[j - 1] == ",":
            j -= 1
        content += list(range(last + 1, j))
        _set(labels, [i for i in content if not v.space[i]], "CONTENT", probs)
        _clear_trailer(v, labels, trailer, max(cue + source))
        _set(labels, cue, "CUE", probs)
        _set(labels, source, "SOURCE", probs)


def _clear_trailer(v: DocView, labels: dict[int, str], trailer: list[int], last: int) -> None:
    """The trailer is no content, up to the next cue after its own source and cue ("…,” the
    governor said, before clarifying that …" keeps what he clarified), and with the mark that
    ends it when it runs to one."""
    for t in trailer:
        if t > last and labels.get(t, "O").endswith("CUE"):
            return
        if labels.get(t, "O").endswith("CONTENT"):
            labels[t] = "O"
    end = trailer[-1] + 1
    if end < len(v.text) and v.text[end] in _END and labels.get(end, "O").endswith("CONTENT"):
        labels[end] = "O"


def _opens_sentence(v: DocView, first: int) -> bool:
    """The quotation opens its sentence or paragraph (after a space, an end mark or another quote)."""
    prev = first - 1
    while prev >= 0 and v.space[prev] and "\n" not in v.text[prev]:
        prev -= 1
    return prev < 0 or bool(v.space[prev] or v.text[prev] in _END or v.sent[prev] != v.sent[first]
                            or v.text[prev] in CLOSE or v.text[prev] in AMBIGUOUS)


def _trailer(v: DocView, last: int) -> tuple[int, list[int]]:
    """After the closing mark and its commas or dashes (ending at the returned index): the tokens up
    to the next space token, quotation or end mark, at most ``TRAILER_WORDS``."""
    n = len(v.text)
    j = last + 1
    while j < n and v.text[j] in (",", "\u2014", "-") and not v.space[j]:
        j += 1
    trailer: list[int] = []
    k = j
    while k < n and len(trailer) < TRAILER_WORDS and not v.space[k] and v.qid[k] < 0 \
            and v.text[k] not in _END:
        trailer.append(k)
        k += 1
    return j, trailer


def _trailer_cue_and_source(v: DocView, trailer: list[int]) -> tuple[list[int], list[int]] | None:
    """"X said" / "said X" in the trailer: the cue (a speech verb with its auxiliaries and adverbs)
    and the noun phrase before it, or else after it. The verb may come late after a long
    appositive ("William M. Daley, President Obama's former chief of staff, said of …": the
    thirteenth word; PolNeAR train, found through a CRF that had not seen the article)."""
    verb = next((t for t in trailer[:TRAILER_VERB_WITHIN] if v.pos[t] in ("VERB", "AUX")
                 and v.cuep[t] >= TRAILER_CUE), -1)
    if verb < 0:
        # an unlisted speech verb in the tight pattern: “…,” X exhorted / “…,” exhorted X
        verb = next((t for t in trailer[:7] if v.pos[t] == "VERB"), -1)
        if verb < 0 or v.tag[verb] not in ("VBD", "VBZ") or v.cuep[verb] <= 0.0:
            return None
    cue = [verb]
    while cue[0] - 1 in trailer and v.pos[cue[0] - 1] in ("AUX", "PART", "ADV") \
            and v.dep[cue[0] - 1] != "nsubj":
        cue.insert(0, cue[0] - 1)
    before = [t for t in trailer if t < cue[0]]
    if any(v.pos[t] not in _NP_POS for t in before):
        return None
    if before:
        source = before
    else:
        after = [t for t in trailer if t > verb]
        if not after or v.pos[after[0]] not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            return None
        # the noun phrase only: "said R. Gil Kerlikowske, the … commissioner, who conceded that …"
        end = next((k for k, t in enumerate(after) if v.tag[t] in ("WP", "WDT")
                    or (v.pos[t] not in _NP_POS and v.dep[t] not in _NOUN_MODIFIERS)), len(after))
        source = after[:end]
    while source and v.pos[source[-1]] == "PUNCT":
        source = source[:-1]
    while source and v.pos[source[0]] == "PUNCT":
        source = source[1:]
    return (cue, source) if source else None


# Words inside a noun phrase whatever their part of speech ("a retired fast-food worker").
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nummod", "poss", "nmod"})


def _ellipsis_at(v: DocView, i: int) -> bool:
    """Does an ellipsis start at token ``i`` ("…", "...", or ". . ." written as single dots)?"""
    if v.text[i] in ("\u2026", "..."):
        return True
    j = i
    while j < len(v.text) and (v.text[j] == "." or v.space[j]):
        j += 1
    return sum(v.text[k] == "." for k in range(i, j)) >= 3


def through_ellipsis(v: DocView, labels: dict[int, str]) -> None:
    """A quotation the tagger takes as one content, from its opening mark to its closing mark, goes on
    over an ellipsis inside it: 'said in a statement: "This act of terror is … a serious response.
    . . . Donald Trump put out political attacks, weak platitudes …"' is the spokeswoman's quote to
    its end, not hers up to the dots and then a report of Trump's (PolNeAR train, eleventh identity
    gold: the tagger broke it at ". . . ." and read "Donald Trump put out" as a new source and cue)."""
    for first, last in _quotes(v):
        if labels.get(first) != "B-CONTENT" or labels.get(last) != "I-CONTENT":
            continue
        i = first + 1
        while i < last and (labels.get(i, "O") == "I-CONTENT" or v.space[i]):
            i += 1
        if i < last and _ellipsis_at(v, i):
            for k in range(i, last):
                if not v.space[k]:
                    labels[k] = "I-CONTENT"


def cut_after_quote(v: DocView, labels: dict[int, str]) -> None:
    """A content that is a quotation opening its sentence ends with it: content labels after
    the closing mark (and its trailing punctuation) are dropped up to the end of that run."""
    n = len(v.text)
    for first, last in _quotes(v):
        if not labels.get(first, "O").endswith("CONTENT"):
            continue
        prev = first - 1
        while prev >= 0 and v.space[prev] and "\n" not in v.text[prev]:
            prev -= 1
        if prev >= 0 and not (v.space[prev] or v.text[prev] in _END or v.sent[prev] != v.sent[first]):
            continue  # only quotations that open their sentence
        j = last + 1
        while j < n and v.pos[j] == "PUNCT" and v.qid[j] < 0 and labels.get(j, "O").endswith("CONTENT"):
            j += 1
        while j < n and v.qid[j] < 0 and labels.get(j, "O").endswith("CONTENT") and not (
                v.space[j] and "\n" in v.text[j]):
            labels[j] = "O"
            j += 1


def split_at_trailer(v: DocView, labels: dict[int, str]) -> None:
    """A content run that goes on into a sentence ending in its own source and cue ("… the museum
    had “moved faster than the evidence allows.” The work will go on display in March, it said")
    is two contents: the second begins with that sentence (speaker probes, development set D,
    where the museum's words went to the historian quoted before). Only an unquoted sentence: one
    that leads into a quotation is the quotation's narrative, which the assembly cuts off."""
    for sent in v.doc.sents:
        toks = [t.i for t in sent if not v.space[t.i]]
        if len(toks) < 2 or labels.get(toks[0], "O") != "I-CONTENT" or v.inquote[toks[0]] \
                or v.text[toks[0]] in OPEN | AMBIGUOUS:
            continue  # a quotation's next sentence stays in it: "“… in a candidate. He unites …,” X said"
        tags = [labels.get(i, "O") for i in toks]
        last = max(k for k, t in enumerate(tags) if t.endswith("CONTENT"))
        tail = tags[last + 1:]
        if any(v.qid[i] >= 0 for i in toks[:last + 1]):
            continue  # a narrative lead-in to a quotation ("C. Boyden Gray … embodied: ''…,'' he said")
        if any(t.endswith("SOURCE") for t in tail) and any(t.endswith("CUE") for t in tail):
            labels[toks[0]] = "B-CONTENT"


def according_to(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """"According to X, …" / "…, according to X": X is the source, the rest of the sentence the
    content. Applied unless the tagger itself took "according to" as the cue and labelled the
    rest of the sentence."""
    doc = v.doc
    n = len(v.text)
    for i in range(n - 2):
        if v.lower[i] != "according" or v.lower[i + 1] != "to":
            continue
        pobj = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        src = [t for t in range(i + 2, pobj.right_edge.i + 1) if not v.space[t]]
        while src and v.pos[src[-1]] == "PUNCT":
            src.pop()
        if not src or any(labels.get(t, "O").endswith("CONTENT") for t in src):
            continue
        lo, hi = _parenthesis_around(v, i, src[-1])
        aside = lo > 0 and v.text[lo - 1] == "("
        rest = [t for t in range(lo, hi) if not v.space[t] and not (i <= t <= src[-1])]
        words = [t for t in rest if v.pos[t] != "PUNCT"]
        if not aside and labels.get(i, "O").endswith("CUE") and words and all(
                labels.get(t, "O").endswith("CONTENT") for t in (words[0], words[-1])):
            continue  # the tagger found this attribution itself
        while rest and v.pos[rest[0]] == "PUNCT" and v.qid[rest[0]] < 0:
            rest.pop(0)
        while rest and v.pos[rest[-1]] == "PUNCT" and v.qid[rest[-1]] < 0:
            rest.pop()
        words = [t for t in rest if v.pos[t] != "PUNCT"]
        if len(words) < 3:
            continue
        before = [t for t in rest if t < i]
        after = [t for t in rest if t > src[-1]]
        while before and v.pos[before[-1]] == "PUNCT" and v.qid[before[-1]] < 0:
            before.pop()
        while after and v.pos[after[0]] == "PUNCT" and v.qid[after[0]] < 0:
            after.pop(0)
        if aside:
            labels[lo - 1] = labels[hi] = "O"  # the aside is a content of its own
        _set(labels, [i, i + 1], "CUE", probs)
        _set(labels, src, "SOURCE", probs)
        if before:
            _set(labels, before, "CONTENT", probs)
        if after:
            _set(labels, after, "CONTENT", probs)


def _parenthesis_around(v: DocView, first: int, last: int) -> tuple[int, int]:
    """The tokens (start, end) an "according to X" at ``first``..``last`` reports on: the rest of its
    parenthesis when it stands in one ("Trump cites his followers for his claim that … (the actual
    number is closer to 15 percent, according to Factcheck.org)": the checker's words are the
    parenthesis, not the sentence; PolNeAR train, eleventh identity gold), else its sentence."""
    sent = v.sent[first]
    start, end = first, last + 1
    while start > 0 and v.sent[start - 1] == sent:
        start -= 1
    while end < len(v.text) and v.sent[end] == sent:
        end += 1
    marks_before = [t for t in range(start, first) if v.text[t] in ("(", ")")]
    marks_after = [t for t in range(last + 1, end) if v.text[t] in ("(", ")")]
    if marks_before and v.text[marks_before[-1]] == "(" and marks_after and v.text[marks_after[0]] == ")":
        return marks_before[-1] + 1, marks_after[0]
    return start, end


def quote_leader(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """'<speaker> <verb>: “…”' — a quotation introduced by a colon after a verb is that verb's
    content, and the verb's subject its source (for verbs the tagger does not know as cues)."""
    doc = v.doc
    for first, last in _quotes(v):
        words = [i for i in range(first + 1, last) if v.pos[i] not in ("PUNCT", "SPACE")]
        if len(words) < 3 \
                or labels.get(first + 1, "O") not in ("O",) and not labels[first + 1].endswith("CONTENT"):
            continue
        colon = first - 1
        while colon >= 0 and v.space[colon] and "\n" not in v.text[colon]:
            colon -= 1
        if colon < 1 or v.text[colon] != ":":
            continue
        verb = colon - 1
        if v.pos[verb] != "VERB" or v.tag[verb] not in ("VBD", "VBZ", "VBP", "VBG") or v.cuep[verb] <= 0.0:
            continue
        if labels.get(verb, "O").endswith("CUE"):
            continue  # the tagger has it
        subj = next((c for c in doc[verb].children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        source = [t for t in range(subj.left_edge.i, subj.right_edge.i + 1) if not v.space[t]]
        if not source or any(labels.get(t, "O").endswith("CONTENT") for t in source):
            continue
        _set(labels, [i for i in range(first, last + 1) if not v.space[i]], "CONTENT", probs)
        _set(labels, [verb], "CUE", probs)
        _set(labels, source, "SOURCE", probs)


def _as_clause(v: DocView, i: int) -> tuple[int, list[int], list[int]] | None:
    """(last token, cue, source) of a sentence-opening 'As <source> <verb of saying> [it],' at
    ``i`` ("As the analyst put it,", "As Lund wrote last week,"), else None. The verb has no
    object but "it" of "put it" and no clause of its own: "As Lund said goodbye," and "As the
    board hints at what it plans," say nothing."""
    tok = v.doc[i]
    verb = tok.head
    if v.lower[i] != "as" or tok.dep_ != "mark" or verb.dep_ != "advcl" or verb.i <= i \
            or any(not v.space[t] for t in range(tok.sent.start, i)):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr")
            or c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)]
    put_it = v.lemma[verb.i] == "put" and [c.lower_ for c in objs] == ["it"]
    if subj is None or not (put_it or (not objs and v.cuep[verb.i] >= PARTICIPLE_CUE)):
        return None
    last = verb.right_edge.i
    if last + 1 >= len(v.text) or v.text[last + 1] != "," or v.sent[last + 1] != v.sent[i]:
        return None
    cue = [verb.i] + [c.i for c in objs]
    return last + 1, cue, [t for t in range(subj.left_edge.i, subj.right_edge.i + 1) if not v.space[t]]


def as_puts_it(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """'As <source> puts it, <clause>': the clause is the source's words, whatever the tagger made
    of it (on PolNeAR train "As The Post's Ruth Marcus puts it, Obama is trying to make
    Republicans “an offer …”" was Obama's, the tagger taking "is trying to make" for a cue). Left
    alone when the clause has a verb of saying of its own ("As Lund noted, Berg said …": Berg's).
    A verb of saying, in both places, is one at least ``PARTICIPLE_CUE`` likely a cue. On the 806
    PolNeAR train articles outside the identity gold it fires in 5, every changed speaker right."""
    n = len(v.text)
    for i in range(n):
        found = _as_clause(v, i) if v.lower[i] == "as" else None
        if found is None:
            continue
        comma, cue, source = found
        rest = [t for t in range(comma + 1, n) if v.sent[t] == v.sent[i] and not v.space[t]]
        while rest and v.pos[rest[-1]] == "PUNCT" and v.qid[rest[-1]] < 0:
            rest.pop()
        if len([t for t in rest if v.pos[t] != "PUNCT"]) < 3 or any(
                labels.get(t, "O").endswith("CUE") and v.cuep[t] >= PARTICIPLE_CUE for t in rest):
            continue
        for t in range(i, comma + 1):
            labels[t] = "O"
        _set(labels, rest, "CONTENT", probs)
        _set(labels, cue, "CUE", probs)
        _set(labels, source, "SOURCE", probs)


# A speech participle must be at least this likely a cue (PolNeAR train share of the lemma's
# occurrences marked as Cue): say 0.86, tell 0.70, add 0.73, insist 0.84; show 0.39, see 0.20 stay out.
PARTICIPLE_CUE = 0.6
# At most this many tokens between the participle and the quotation ("saying during the debate
# last week, “…”"): adjuncts only, no other verb.
PARTICIPLE_GAP = 10


def _participle(v: DocView, i: int) -> bool:
    """A speech verb's -ing form: tagged VBG, or NN by a parser that read it as a noun ("footage of
    Trump saying"), whose verb (saying → say, telling → tell, writing → write) is a likely cue."""
    if v.tag[i] == "VBG":
        return v.cuep[i] >= PARTICIPLE_CUE
    if v.tag[i] != "NN" or not v.lower[i].endswith("ing"):
        return False
    stem = v.lower[i][:-3]
    return max(v.lexicon.get(b, 0.0) for b in (stem, stem + "e", stem[:-1])) >= PARTICIPLE_CUE


def _participle_subject(v: DocView, verb: int) -> int | None:
    """The subject of a participle: its own ("footage of Trump saying"; the parser sometimes makes
    that a noun compound, "Trump" on a noun "saying"), or the passive subject of the verb it
    completes ("Obama was heard saying")."""
    tok = v.doc[verb]
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None  # a progressive verb ("he was referring to …, “…”"), not a participle phrase
    subj = next((c for c in tok.children if c.dep_ == "nsubj"
                 or c.dep_ == "compound" and c.pos_ == "PROPN" and tok.tag_ == "NN"), None)
    if subj is None and tok.dep_ == "xcomp":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    return subj.i if subj is not None else None


def _participle_before(v: DocView, first: int) -> int | None:
    """The speech participle that leads into the quotation opening at ``first``: right before it
    ("heard saying “…”"), or across adjuncts and a comma or colon ("saying during the debate, “…”")."""
    i = first - 1
    while i >= 0 and v.space[i]:
        i -= 1
    punct = i >= 0 and v.text[i] in (",", ":")
    if punct:
        i -= 1
    for j in range(i, max(-1, i - PARTICIPLE_GAP), -1):
        if v.space[j]:
            continue
        if v.sent[j] != v.sent[first] or v.qid[j] >= 0:
            return None
        if _participle(v, j):
            return j if punct or j == i else None
        if v.pos[j] in ("VERB", "AUX"):
            return None
    return None


def participle_lead(v: DocView, first: int) -> tuple[int, list[int]] | None:
    """(participle, source tokens) of '<speaker> saying [adjuncts], “…”' for the quotation opening
    at ``first``, or None."""
    verb = _participle_before(v, first)
    subj = _participle_subject(v, verb) if verb is not None else None
    if verb is None or subj is None or v.pos[subj] not in ("PROPN", "NOUN", "PRON"):
        return None
    tok = v.doc[subj]
    source = [t for t in range(tok.left_edge.i, tok.right_edge.i + 1) if not v.space[t]]
    if not source or source[-1] >= verb:
        return None
    return verb, source


def participle_leader(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """'footage of <speaker> saying [adjuncts], “…”' — a quotation led into by a speech participle
    is that participle's content and its subject the source, whatever the tagger made of the
    clause around it (it tends to read "Trump saying" as the content of "footage of"): the words
    are the participle's subject's, even inside another's report ("the ad cuts to footage of
    Trump saying, “…”")."""
    for first, last in _quotes(v):
        words = [i for i in range(first + 1, last) if v.pos[i] not in ("PUNCT", "SPACE")]
        lead = participle_lead(v, first) if len(words) >= 3 else None
        if lead is None or labels.get(lead[0], "O").endswith("CUE"):
            continue
        verb, source = lead
        for i in range(verb + 1, first):
            labels[i] = "O"  # the adjuncts between the participle and the quotation
        _set(labels, [i for i in range(first, last + 1) if not v.space[i]], "CONTENT", probs)
        _set(labels, [verb], "CUE", probs)
        _set(labels, source, "SOURCE", probs)


# Parts of speech that make a clause state something: a finite verb or a modal.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Fewest words a clause recovered from the parse has ("he lied" is a statement; "so" is not).
CLAUSE_MIN_WORDS = 2


def _runs(labels: dict[int, str], role: str, n: int) -> list[list[int]]:
    """Token runs labelled ``role`` (B- starts a run; spaces between I- tokens are skipped)."""
    out: list[list[int]] = []
    for i in range(n):
        lab = labels.get(i, "O")
        if not lab.endswith(role):
            continue
        if lab.startswith("B-") or not out or out[-1][-1] < i - 2:
            out.append([i])
        else:
            out[-1].append(i)
    return out


def _reported_clause(v: DocView, verb: int, quoted: bool = False) -> list[int] | None:
    """The tokens of the cue verb's complement clause ("told reporters [that officials began …]",
    "[The weather should ease …], said Mark Quinlan"): its ccomp's subtree, edges trimmed, when it
    states something (a finite verb); with ``quoted``, also when it holds quoted words."""
    doc = v.doc
    comp = next((c for c in doc[verb].children if c.dep_ == "ccomp"), None)
    if comp is None or v.sent[comp.i] != v.sent[verb]:
        return None
    toks = [i for i in range(comp.left_edge.i, comp.right_edge.i + 1) if not v.space[i]]
    while toks and v.pos[toks[0]] == "PUNCT":
        toks.pop(0)
    while toks and v.pos[toks[-1]] == "PUNCT" and v.qid[toks[-1]] < 0 and v.text[toks[-1]] not in ")]":
        toks.pop()
    words = [i for i in toks if v.pos[i] != "PUNCT"]
    finite = v.tag[comp.i] in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE for c in comp.children)
    if len(words) < CLAUSE_MIN_WORDS or not finite or (not quoted and any(v.qid[i] >= 0 for i in words)):
        return None
    return toks


def content_from_parse(v: DocView, labels: dict[int, str], probs: dict[int, float]) -> None:
    """'<source> <cue> [that] <clause>' and '<clause>, <source> <cue>' where the tagger marked the
    source and the cue but no content in the sentence (on the own wild pages it left out "Employee
    Steve Castro tells the paper that he fought …" and "…, McDowell said"): the cue verb's
    complement clause in the parse is the content. Applied by the user profile only (``analyze``);
    the polnear profile keeps the tagger's labels."""
    n = len(v.text)
    with_content = {v.sent[i] for i, lab in labels.items() if lab.endswith("CONTENT")}
    sources = {i for run in _runs(labels, "SOURCE", n) for i in run}
    for cue in _runs(labels, "CUE", n):
        verbs = [i for i in cue if v.pos[i] == "VERB"]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        subj = next((c for c in v.doc[verb].children if c.dep_ == "nsubj"), None)
        if subj is None or not any(t.i in sources for t in subj.subtree):
            continue
        clause = _reported_clause(v, verb)
        clause = _unclaimed(v, labels, clause, v.sent[verb] in with_content) if clause else None
        if not clause:
            continue
        score = sum(probs.get(i, 0.0) for i in cue) / len(cue)
        for k, i in enumerate(clause):
            labels[i] = ("B-" if k == 0 else "I-") + "CONTENT"
            probs[i] = score
        with_content.add(v.sent[verb])


def _unclaimed(v: DocView, labels: dict[int, str], clause: list[int], sentence_has_content: bool,
               ) -> list[int] | None:
    """The part of a cue's complement clause to label content: all of it when nothing of it is
    labelled and the sentence has no content elsewhere; from its subject on when the tagger took
    only a tail of it ("Finance director Peter Lindqvist said the company would save £40m through a
    restructuring programme by the end of next year", where it took "next year" alone: speaker
    probes, development set H), so that an adverbial clause before the subject stays out ("Though
    Ms. Olivieri has spent most of her life in Washington Heights, the influx …": PolNeAR train)."""
    tags = [labels.get(i, "O") for i in clause]
    if all(t == "O" for t in tags):
        return None if sentence_has_content else clause
    first = next(k for k, t in enumerate(tags) if t != "O")
    if first == 0 or not all(t.endswith("CONTENT") for t in tags[first:]) \
            or any(v.text[i] in OPEN | CLOSE | AMBIGUOUS for i in clause):
        return None  # a quotation's narrative lead-in ("C. Boyden Gray … ticked through …: ''…,'' he said")
    inside = set(clause)
    root = next((v.doc[i] for i in clause if v.head[i] not in inside), None)  # the complement's verb
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    start = subject.left_edge.i if subject is not None else clause[0]
    kept = [i for i in clause if i >= start]
    return kept if kept and start <= clause[first] else None


def _tagged_speaker(v: DocView, verb: int, sources: set[int]) -> list[int] | None:
    """The verb's subject phrase when the tagger marked (part of) it as a source. A proper name
    under an indefinite article ("…, a prospect Vindman denied") is a misparsed relative clause,
    not a subject."""
    subj = next((c for c in v.doc[verb].children if c.dep_ == "nsubj"), None)
    if subj is None or not any(t.i in sources for t in subj.subtree):
        return None
    if subj.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        return None
    return [t.i for t in subj.subtree if not v.space[t.i]]


def nested_reports(v: DocView, labels: dict[int, str], probs: dict[int, float],
                   atts: list[Attribution]) -> list[Attribution]:
    """'[Afterward, Sondland said he had relayed …], Morrison testified': a report whose content
    holds another attribution. The tagger labels the inner one and leaves the outer cue and source
    with no content (one label per token); the outer cue verb's complement clause, inner report
    included, is the outer content. Used by the user profile only (see ``content_from_parse``)."""
    n = len(v.text)
    taken = {s for a in atts for s, _ in a.cue}
    sources = {i for run in _runs(labels, "SOURCE", n) for i in run}
    out: list[Attribution] = []
    for cue in _runs(labels, "CUE", n):
        verbs = [i for i in cue if v.pos[i] == "VERB"]
        if len(verbs) != 1 or v.doc[verbs[0]].idx in taken:
            continue
        verb = verbs[0]
        speaker = _tagged_speaker(v, verb, sources)
        clause = _reported_clause(v, verb, quoted=True) if speaker else None
        if clause is None or speaker is None:
            continue
        lo, hi = v.doc[clause[0]].idx, v.doc[clause[-1]].idx + len(v.text[clause[-1]])
        inner = [a for a in atts if a.cue and lo <= a.cue[0][0] and a.content[-1][1] <= hi]
        if not inner:
            continue
        score = sum(probs.get(i, 0.0) for i in cue + speaker) / len(cue + speaker)
        kind: QuoteKind = "indirect" if not any(v.qid[i] >= 0 for i in clause) else "mixed"
        out.append(Attribution(
            content=[(lo, hi)], cue=[(v.doc[verb].idx, v.doc[verb].idx + len(v.text[verb]))],
            source=[(v.doc[speaker[0]].idx, v.doc[speaker[-1]].idx + len(v.text[speaker[-1]]))],
            kind=kind, confidence=round(score, 4)))
    return out


def inner_reports(v: DocView, atts: list[Attribution]) -> list[Attribution]:
    """'He said [a militia commander had told him at a checkpoint: “You will never see your village
    again.”]', 'According to a report in The Times, [Boris Johnson told aides that he would “rather
    be dead in a ditch” …]': a report whose content holds another, named or described, speaker's
    quoted words, which the tagger left out (one label per token). The inner verb's complement
    clause is that speaker's content; the outer report stays (speaker probes, development sets
    "world" and "politics", where the quoted words went to the reporter alone). Used by the user
    profile only (see ``content_from_parse``). The inner speaker is a noun or a name, or a he/she
    when the outer one is the other ("She told jurors that he had said it was “better …”"): "he
    said he told them" would be the same person twice."""
    taken = {s for a in atts for s, _ in a.cue}
    out: list[Attribution] = []
    for att in atts:
        span = v.doc.char_span(*att.content[0], alignment_mode="expand") if len(att.content) == 1 else None
        if span is None:
            continue
        for tok in span:
            inner = _inner_report(v, tok, att, span.start) if tok.idx not in taken else None
            if inner is not None:
                out.append(inner)
    return out


def _inner_report(v: DocView, tok: Token, outer: Attribution, start: int) -> Attribution | None:
    """The report whose cue is ``tok`` inside ``outer``'s content (from token ``start``), if any."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lx.SPEECH_VERBS or v.inquote[tok.i] \
            or subj is None or subj.left_edge.i < start or not _other_speaker(v, subj, outer):
        return None
    clause = _reported_clause(v, tok.i, quoted=True)
    if clause is None or clause[0] < tok.i or not any(v.qid[i] >= 0 for i in clause):
        return None  # a clause after its verb: "an effort that Sanders said would make …" is no report
    last = v.doc[clause[-1]]
    return Attribution(
        content=[(v.doc[clause[0]].idx, last.idx + len(last))], cue=[(tok.idx, tok.idx + len(tok))],
        source=[(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))],
        kind="mixed", confidence=outer.confidence)


_OTHER_PRONOUN = {"he": "she", "she": "he"}


def _other_speaker(v: DocView, subj: Token, outer: Attribution) -> bool:
    """Whether an inner report's subject can be another speaker than the outer report's: a noun or a
    name, or a he/she after an outer she/he."""
    text = text_of(v.doc)
    source = " ".join(text[s:e] for s, e in outer.source).strip().lower()
    if subj.pos_ in ("PROPN", "NOUN"):
        return subj.lower_ not in source.split()  # "Sanders said" inside Bernie Sanders's report: his own
    return _OTHER_PRONOUN.get(subj.lower_) == source

