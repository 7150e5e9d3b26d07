"""Make rewritten copies of news texts, as article spinners and machine paraphrasers do.

The copies test the store's rewritten-copy detection (``benchmarks/rewritten_copies.py``); the
rewriting is written here, by hand, and knows nothing of how the detection works. Each copy gets,
at a strength drawn per copy (``light``, ``medium``, ``heavy``):

* synonym swaps from a hand-written table (``SYNONYMS``: reporting verbs, common nouns, verbs,
  adjectives and connectives of news prose; no WordNet, nothing downloaded), case kept;
* sentence reordering: some neighbouring sentences swapped, one paragraph moved;
* misspelt names: capitalised words inside a sentence get a letter dropped, doubled, swapped or
  replaced ("Bachelet" -> "Basele" is the kind);
* altered quotes: words inside quotation marks swapped, dropped or added;
* changed numbers: a number in the text gets another value;
* filler words slipped between others ("actually", "in fact");
* a dropped sentence or two, and a line of the copier's own ("More from ...") added.

    .venv/bin/python benchmarks/rewrite_copies.py ../shared/data/polnear/train/text -o out/copies

writes ``ORIGINAL--copyN.txt`` for every original (one copy each, a second for every fourth
original), seeded, so the same command makes the same set.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["STRENGTHS", "SYNONYMS", "Strength", "make_copies", "rewrite"]

SYNONYMS: dict[str, list[str]] = {
    "said": ["stated", "revealed", "explained", "noted", "remarked"],
    "says": ["states", "claims", "notes", "explains"],
    "told": ["informed", "advised"], "asked": ["questioned", "queried"],
    "added": ["continued", "included"], "announced": ["declared", "revealed"],
    "people": ["individuals", "persons", "folks"], "person": ["individual"],
    "big": ["large", "huge", "massive"], "large": ["big", "huge"], "small": ["little", "tiny"],
    "important": ["significant", "crucial", "vital"], "new": ["fresh", "novel"],
    "show": ["demonstrate", "display"], "shows": ["demonstrates", "displays"],
    "showed": ["demonstrated", "displayed"], "help": ["assist", "aid"], "helped": ["assisted", "aided"],
    "use": ["utilize", "employ"], "used": ["utilized", "employed"], "make": ["create", "produce"],
    "made": ["created", "produced"], "get": ["obtain", "acquire"], "got": ["obtained", "received"],
    "give": ["provide", "offer"], "gave": ["provided", "offered"], "buy": ["purchase"],
    "start": ["begin", "commence"], "started": ["began", "commenced"], "begin": ["start"],
    "end": ["finish", "conclusion"], "ended": ["finished", "concluded"], "need": ["require"],
    "needs": ["requires"], "want": ["wish", "desire"], "wants": ["wishes", "desires"],
    "think": ["believe", "consider"], "thinks": ["believes", "considers"], "believe": ["think"],
    "country": ["nation"], "nation": ["country"], "government": ["administration", "authorities"],
    "campaign": ["bid", "run"], "election": ["vote", "poll"], "voters": ["electorate", "constituents"],
    "candidate": ["contender", "nominee"], "leader": ["chief", "head"], "party": ["faction"],
    "state": ["region", "province"], "city": ["town", "municipality"], "report": ["study", "document"],
    "problem": ["issue", "difficulty"], "problems": ["issues", "difficulties"],
    "issue": ["matter", "problem"],
    "issues": ["matters", "problems"], "question": ["query"], "questions": ["queries"],
    "support": ["backing", "endorsement"], "supporters": ["backers", "followers"],
    "attack": ["assault", "strike"], "attacks": ["assaults", "strikes"], "fight": ["battle", "struggle"],
    "week": ["seven days"], "month": ["thirty days"], "year": ["twelve months"], "years": ["decades"],
    "today": ["this day"], "recently": ["lately"], "also": ["additionally", "likewise"],
    "however": ["nevertheless", "yet"], "but": ["yet", "however"], "because": ["since", "as"],
    "about": ["regarding", "concerning"], "after": ["following"], "before": ["prior to", "ahead of"],
    "many": ["numerous", "several"], "several": ["various", "many"], "most": ["the majority of"],
    "very": ["extremely", "highly"], "really": ["truly", "actually"], "quickly": ["rapidly", "swiftly"],
    "often": ["frequently"], "again": ["once more"], "still": ["yet", "nonetheless"],
    "first": ["initial", "earliest"], "last": ["final", "previous"], "major": ["key", "main"],
    "group": ["organization", "collective"], "groups": ["organizations"], "company": ["firm", "business"],
    "money": ["funds", "cash"], "job": ["position", "role"], "jobs": ["positions", "roles"],
    "law": ["legislation", "statute"], "laws": ["legislation", "rules"], "plan": ["proposal", "scheme"],
    "plans": ["proposals", "schemes"], "change": ["alter", "shift"], "changes": ["alterations", "shifts"],
    "clear": ["evident", "obvious"], "hard": ["difficult", "tough"], "easy": ["simple"],
    "win": ["victory", "triumph"], "won": ["secured", "claimed"], "lost": ["forfeited"],
    "top": ["leading", "senior"], "official": ["representative", "spokesperson"],
    "officials": ["representatives", "authorities"], "statement": ["declaration", "announcement"],
    "debate": ["discussion", "argument"], "speech": ["address", "talk"], "news": ["reports"],
    "story": ["account", "tale"], "called": ["described", "labelled"], "call": ["describe", "label"],
    "public": ["open", "general"], "political": ["governmental"], "national": ["nationwide"],
    "according": ["as per"], "despite": ["in spite of", "notwithstanding"], "during": ["throughout"],
    "while": ["whereas", "although"], "though": ["although"], "including": ["such as", "among them"],
    "went": ["headed", "travelled"], "came": ["arrived"], "saw": ["witnessed", "observed"],
    "found": ["discovered", "uncovered"], "find": ["discover", "locate"], "keep": ["maintain", "retain"],
    "likely": ["probably", "expected"], "possible": ["feasible", "potential"], "early": ["initial"],
    "late": ["belated"], "high": ["elevated", "steep"], "low": ["reduced", "modest"],
    "women": ["females", "ladies"], "men": ["males", "gentlemen"], "children": ["kids", "youngsters"],
    "world": ["globe", "planet"], "house": ["home", "residence"], "work": ["labor", "employment"],
    "worked": ["laboured", "operated"], "reported": ["disclosed", "stated"], "continue": ["carry on"],
    "try": ["attempt"], "tried": ["attempted"], "allow": ["permit"], "allowed": ["permitted"],
}

_QUOTE_WORDS = ["really", "truly", "simply", "just", "certainly"]
#: words a spinner slips between others ("the plan" -> "the basically plan"), which breaks the
#: word sequences near-duplicate detection hashes while keeping the sentence's content
_FILLERS = ["actually", "indeed", "basically", "notably", "in fact", "essentially", "clearly", "of course"]
_ADDED_LINES = ["More from our partners: the stories everyone is reading today.",
                "Read also: what the experts say about this week's events.",
                "Subscribe to our newsletter for the latest updates."]
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_QUOTE = re.compile(r"“[^”]{10,}”|\"[^\"]{10,}\"")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b")


@dataclass(frozen=True)
class Strength:
    """How much one copy is rewritten: each rate is the chance one candidate place changes."""

    name: str
    synonym: float
    swap_sentences: float
    misspell_name: float
    alter_quote: float
    change_number: float
    drop_sentence: float
    filler: float


STRENGTHS = (
    Strength("light", synonym=0.3, swap_sentences=0.05, misspell_name=0.1, alter_quote=0.3,
             change_number=0.2, drop_sentence=0.02, filler=0.05),
    Strength("medium", synonym=0.6, swap_sentences=0.1, misspell_name=0.2, alter_quote=0.5,
             change_number=0.3, drop_sentence=0.04, filler=0.1),
    Strength("heavy", synonym=0.9, swap_sentences=0.2, misspell_name=0.3, alter_quote=0.8,
             change_number=0.5, drop_sentence=0.06, filler=0.3),
)


def _keep_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if original[0].isupper() else new


def _swap_synonyms(text: str, rate: float, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        choices = SYNONYMS.get(word.lower())
        if not choices or rng.random() >= rate:
            return word
        return _keep_case(word, rng.choice(choices))
    return re.sub(r"\b[A-Za-z]+\b", swap, text)


def _add_fillers(text: str, rate: float, rng: random.Random) -> str:
    def maybe(m: re.Match[str]) -> str:
        return f"{m.group(1)} {rng.choice(_FILLERS)} " if rng.random() < rate else m.group(0)
    return re.sub(r"(\b[a-z]+) (?=[a-z])", maybe, text)


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    how = rng.randrange(4)
    if how == 0:
        return word[:i] + word[i + 1:]
    if how == 1:
        return word[:i] + word[i] + word[i:]
    if how == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiouy") + word[i + 1:]


def _misspell_names(text: str, rate: float, rng: random.Random) -> str:
    spelt: dict[str, str] = {}  # a name misspelt once is misspelt the same way throughout, as spinners do

    def change(m: re.Match[str]) -> str:
        name = m.group(0)
        if name not in spelt:
            spelt[name] = _misspell(name, rng) if rng.random() < rate else name
        return spelt[name]
    return _NAME.sub(change, text)


def _alter_quote(quote: str, rng: random.Random) -> str:
    words = quote[1:-1].split()
    if len(words) < 3:
        return quote
    how = rng.randrange(3)
    i = rng.randrange(len(words))
    if how == 0:
        del words[i]
    elif how == 1:
        words.insert(i, rng.choice(_QUOTE_WORDS))
    else:
        choices = SYNONYMS.get(words[i].lower().strip(",.;"), [rng.choice(_QUOTE_WORDS)])
        words[i] = _keep_case(words[i], choices[0])
    return quote[0] + " ".join(words) + quote[-1]


def _change_number(m: re.Match[str], rate: float, rng: random.Random) -> str:
    number = m.group(0)
    if rng.random() >= rate or not number.isdigit() or (len(number) == 4 and number.startswith(("19", "20"))):
        return number  # years stay: changing them would make another story, not a copy
    value = int(number)
    return str(max(0, value + rng.choice([-1, 1]) * max(1, value // rng.choice([3, 5, 10]))))


def _reorder(paragraphs: list[list[str]], rate: float, rng: random.Random) -> list[list[str]]:
    for sentences in paragraphs:
        for i in range(len(sentences) - 1):
            if rng.random() < rate:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    if len(paragraphs) > 3 and rate > 0:
        moved = paragraphs.pop(rng.randrange(1, len(paragraphs)))
        paragraphs.insert(rng.randrange(1, len(paragraphs)), moved)
    return paragraphs


def rewrite(text: str, strength: Strength, rng: random.Random) -> str:
    """One rewritten copy of ``text`` (paragraphs separated by blank lines)."""
    paragraphs = [_SENTENCE.split(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    paragraphs = [[s for s in p if rng.random() >= strength.drop_sentence] or p for p in paragraphs]
    paragraphs = _reorder(paragraphs, strength.swap_sentences, rng)
    out = "\n\n".join(" ".join(p) for p in paragraphs)
    out = _QUOTE.sub(lambda m: _alter_quote(m.group(0), rng) if rng.random() < strength.alter_quote
                     else m.group(0), out)
    out = _swap_synonyms(out, strength.synonym, rng)
    out = _add_fillers(out, strength.filler, rng)
    out = _misspell_names(out, strength.misspell_name, rng)
    out = _NUMBER.sub(lambda m: _change_number(m, strength.change_number, rng), out)
    cut = out.split("\n\n")
    cut.insert(rng.randrange(1, len(cut) + 1), rng.choice(_ADDED_LINES))
    return "\n\n".join(cut)


def make_copies(originals: list[Path], seed: int = 10) -> list[tuple[str, str, str, str]]:
    """(original name, copy name, strength, copy text) for every original: one copy each and a
    second copy of every fourth original, at a strength drawn per copy."""
    rng = random.Random(seed)
    copies = []
    for n, path in enumerate(sorted(originals)):
        text = path.read_text(encoding="utf-8")
        for k in range(2 if n % 4 == 0 else 1):
            strength = rng.choice(STRENGTHS)
            copies.append((path.name, f"{path.stem}--copy{k + 1}.txt", strength.name,
                           rewrite(text, strength, rng)))
    return copies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of .txt originals")
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=10)
    args = ap.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    for _, name, strength, text in make_copies(sorted(args.folder.glob("*.txt")), args.seed):
        (args.output / name).write_text(text, encoding="utf-8")
        print(f"{strength}\t{name}")


if __name__ == "__main__":
    main()
