"""Token features for the CRF tagger, computed once per Doc with plain lists (lean on purpose:
the spaCy parse is most of the time budget, these features must stay a small share of it).

Sequences are paragraphs (text between newlines), so a content running over several sentences
is one tagged stretch. White-space tokens are left out of the sequences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from saidwhat.analysis.attribution.quotes import AMBIGUOUS, CLOSE, OPEN, is_quote_token, quote_states

# A lemma counts as a cue candidate for the syntactic features from this cue probability on.
CUE_CANDIDATE = 0.08
MAX_UP = 8


def _bucket(p: float) -> str:
    if p <= 0.0:
        return "0"
    if p < 0.03:
        return "1"
    if p < 0.1:
        return "2"
    if p < 0.3:
        return "3"
    if p < 0.6:
        return "4"
    return "5"


def _dist(d: int) -> str:
    if d <= 3:
        return str(d)
    if d <= 6:
        return "4-6"
    if d <= 12:
        return "7-12"
    return "13+"


@dataclass
class DocView:
    """Per-token arrays of a Doc that both the features and the assembly read."""

    doc: Doc
    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    ent: list[str]
    sent: list[int]
    para: list[int]
    space: list[bool]
    inquote: list[int]
    qid: list[int]
    cuep: list[float]
    sequences: list[list[int]]
    lexicon: dict[str, float] = field(default_factory=dict)  # cue probability per lemma, for the rules

    @classmethod
    def build(cls, doc: Doc, lexicon: dict[str, float]) -> DocView:
        text = [t.text for t in doc]
        lower = [t.lower_ for t in doc]
        lemma = [t.lemma_.lower() for t in doc]
        pos = [t.pos_ for t in doc]
        tag = [t.tag_ for t in doc]
        dep = [t.dep_ for t in doc]
        head = [t.head.i for t in doc]
        ent = [t.ent_type_ for t in doc]
        space = [t.is_space for t in doc]
        sent = [0] * len(doc)
        for k, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                sent[i] = k
        para = [0] * len(doc)
        sequences: list[list[int]] = [[]]
        p = 0
        for i, t in enumerate(text):
            if space[i]:
                if "\n" in t and sequences[-1]:
                    p += 1
                    sequences.append([])
                para[i] = p
                continue
            para[i] = p
            sequences[-1].append(i)
        if not sequences[-1]:
            sequences.pop()
        inquote, qid = quote_states(text, para)
        cuep = [lexicon.get(lm, 0.0) for lm in lemma]
        return cls(doc, text, lower, lemma, pos, tag, dep, head, ent, sent, para, space, inquote, qid, cuep,
                   sequences, lexicon)


@dataclass
class _Context:
    """What the token features read from beyond the token's window: per token, its nearest
    cue-candidate ancestor (the relation under it, its cue bucket, lemma and side) and the
    relations of its children; per sentence, its strongest cue candidate and whether it quotes."""

    anc_rel: list[str]
    anc_b: list[str]
    anc_lem: list[str]
    anc_dir: list[str]
    kids: list[set[str]]
    sent_best: dict[int, tuple[float, int]]
    sent_quote: set[int]


def _context(v: DocView) -> _Context:
    n = len(v.text)
    head, cuep, pos = v.head, v.cuep, v.pos
    ctx = _Context([""] * n, [""] * n, [""] * n, [""] * n, [set() for _ in range(n)], {}, set())
    for i in range(n):
        child, h, steps = i, head[i], 0
        while h != child and steps < MAX_UP:
            steps += 1
            if cuep[h] >= CUE_CANDIDATE and pos[h] in ("VERB", "NOUN", "ADP", "AUX", "ADJ"):
                ctx.anc_rel[i] = v.dep[child]
                ctx.anc_b[i] = _bucket(cuep[h])
                ctx.anc_lem[i] = v.lemma[h]
                ctx.anc_dir[i] = "L" if h > i else "R"
                break
            child = h
            h = head[h]
    for i in range(n):
        if head[i] != i:
            ctx.kids[head[i]].add(v.dep[i])
    for i in range(n):
        s = v.sent[i]
        if cuep[i] > ctx.sent_best.get(s, (0.0, -1))[0]:
            ctx.sent_best[s] = (cuep[i], i)
        if is_quote_token(v.text[i]):
            ctx.sent_quote.add(s)
    return ctx


def _quote_distances(v: DocView, seq: list[int]) -> tuple[list[int], list[int]]:
    """For each token of a paragraph sequence, the distance to the nearest quote mark on its left
    and on its right within the sequence."""
    m = len(seq)
    last_q = -100
    left_q = [0] * m
    for k, i in enumerate(seq):
        left_q[k] = k - last_q
        if is_quote_token(v.text[i]):
            last_q = k
    next_q = 10_000
    right_q = [0] * m
    for k in range(m - 1, -1, -1):
        right_q[k] = next_q - k
        if is_quote_token(v.text[seq[k]]):
            next_q = k
    return left_q, right_q


def sequence_features(v: DocView) -> list[list[list[str]]]:
    """Feature strings for every token of every paragraph sequence."""
    ctx = _context(v)
    out: list[list[list[str]]] = []
    for seq in v.sequences:
        para_quote = any(v.inquote[i] for i in seq)
        first_q = "pq1" if v.inquote[seq[0]] else "pq0"
        left_q, right_q = _quote_distances(v, seq)
        feats_seq: list[list[str]] = []
        for k, i in enumerate(seq):
            f = _token_features(v, ctx, i, left_q[k], right_q[k], first_q, para_quote)
            f += _shape_features(v, ctx, seq, k)
            feats_seq.append(f)
        out.append(feats_seq)
    return out


def _token_features(v: DocView, ctx: _Context, i: int, left_q: int, right_q: int, first_q: str,
                    para_quote: bool) -> list[str]:
    """The token's own features, its head's, its cue ancestor's and its sentence's."""
    lower, lemma, pos, dep, head, cuep = v.lower, v.lemma, v.pos, v.dep, v.head, v.cuep
    anc_rel = ctx.anc_rel
    s = v.sent[i]
    best_p, best_i = ctx.sent_best.get(s, (0.0, -1))
    tok = v.text[i]
    return [
        "b",
        "w=" + lower[i],
        "l=" + lemma[i],
        "p=" + pos[i],
        "t=" + v.tag[i],
        "d=" + dep[i],
        "hd=" + dep[i] + "|" + lemma[head[i]],
        "hp=" + pos[head[i]],
        "e=" + v.ent[i],
        "cb=" + _bucket(cuep[i]),
        "cbp=" + _bucket(cuep[i]) + pos[i],
        "q=" + str(v.inquote[i]),
        "qm=" + ("o" if tok in OPEN else "c" if tok in CLOSE else "a" if tok in AMBIGUOUS else "-"),
        "lq=" + _dist(left_q),
        "rq=" + _dist(right_q),
        "ar=" + anc_rel[i],
        "ab=" + ctx.anc_b[i] + anc_rel[i],
        "al=" + ctx.anc_lem[i],
        "ad=" + ctx.anc_dir[i] + anc_rel[i],
        "sb=" + _bucket(best_p),
        "sd=" + ("-" if best_i < 0 else "L" if i < best_i else "R" if i > best_i else "S"),
        "sq=" + ("1" if s in ctx.sent_quote else "0"),
        "bd=" + ("-" if best_i < 0 or best_p < CUE_CANDIDATE else dep[best_i]) + "|" + anc_rel[i],
        "dd=" + dep[i] + "<" + dep[head[i]],
        first_q,
        "pq=" + ("1" if para_quote else "0"),
        "up=" + ("T" if tok[:1].isupper() else "l"),
    ]


def _shape_features(v: DocView, ctx: _Context, seq: list[int], k: int) -> list[str]:
    """What the token's children are, where it stands in its paragraph and sentence, and its
    neighbours two tokens on each side."""
    i, m = seq[k], len(seq)
    lower, pos, dep, anc_rel = v.lower, v.pos, v.dep, ctx.anc_rel
    f: list[str] = []
    kids = ctx.kids[i]
    if kids:
        if "ccomp" in kids:
            f.append("kc")
        if "nsubj" in kids or "nsubjpass" in kids:
            f.append("ks")
        if "agent" in kids:
            f.append("ka")
    if k == 0:
        f.append("BOP")
    if i == 0 or v.sent[i - 1] != v.sent[i]:
        f.append("BOS")
    if k > 0:
        j = seq[k - 1]
        f += ["w-1=" + lower[j], "p-1=" + pos[j], "d-1=" + dep[j], "ar-1=" + anc_rel[j]]
        if k > 1:
            j2 = seq[k - 2]
            f += ["w-2=" + lower[j2], "p-2=" + pos[j2]]
    if k + 1 < m:
        j = seq[k + 1]
        f += ["w+1=" + lower[j], "p+1=" + pos[j], "d+1=" + dep[j], "ar+1=" + anc_rel[j]]
        if k + 2 < m:
            j2 = seq[k + 2]
            f += ["w+2=" + lower[j2], "p+2=" + pos[j2]]
    return f
