"""Small made-up news texts for the corpus tests: varied enough that no two are near-copies.

Every slot is drawn from its own list with a seeded RNG, and the fixed words between slots are at
most two long, so two texts share hardly any word 3-shingles (no false copy links), while each
text has a couple of quotes with named speakers for the analysis to find.
"""

from __future__ import annotations

import random

FIRST = ["Maria", "John", "Aiko", "Pieter", "Leila", "Tomas", "Grace", "Ivan", "Nadia", "Omar", "Sofia",
         "Kwame", "Elena", "Rahul", "Chloe", "Diego", "Hana", "Felix", "Amara", "Lukas"]
LAST = ["Lopez", "Okafor", "Tanaka", "Jansen", "Haddad", "Novak", "Mensah", "Petrov", "Rossi", "Kim",
        "Silva", "Brandt", "Costa", "Nguyen", "Fischer", "Moreau", "Singh", "Walsh", "Berg", "Duarte"]
ROLE = ["mayor", "minister", "spokeswoman", "senator", "union leader", "chief executive", "professor",
        "council member", "governor", "ambassador"]
PLACE = ["Arden", "Belmore", "Corvale", "Dunmere", "Eastwick", "Farrow", "Glenholt", "Harwick", "Islay",
         "Juniper Bay", "Kestrel", "Lowmarsh", "Millbrook", "Northgate", "Oakridge", "Pellham"]
THING = ["bridge toll", "school budget", "port expansion", "rail strike", "housing plan", "water tariff",
         "airport noise rules", "fishing quota", "bus fare rise", "library closures", "solar farm",
         "hospital merger", "tram extension", "tax rebate", "flood barrier", "museum funding"]
VERB = ["backed", "rejected", "criticised", "welcomed", "questioned", "defended", "opposed", "praised"]
ADJ = ["reckless", "overdue", "unfair", "sensible", "costly", "brave", "confusing", "necessary",
       "shortsighted", "promising", "cruel", "modest"]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUM = ["three", "seven", "twelve", "forty", "ninety", "two hundred", "five thousand", "eleven"]
GROUP = ["residents", "shopkeepers", "teachers", "nurses", "farmers", "students", "pensioners", "drivers"]


def make_text(i: int, seed: int = 0) -> str:
    """Title line, blank line, then a short story with two quotes."""
    r = random.Random(seed * 100003 + i)
    a = f"{r.choice(FIRST)} {r.choice(LAST)}"
    b = f"{r.choice(FIRST)} {r.choice(LAST)}"
    place, thing = r.choice(PLACE), r.choice(THING)
    n1, n2 = r.choice(NUM), r.choice(NUM)
    title = f"{place} {r.choice(VERB)} {thing} after {r.choice(DAY)} vote ({i})"
    return (
        f"{title}\n\n"
        f"The {place} {r.choice(ROLE)}, {a}, {r.choice(VERB)} the {thing} on {r.choice(DAY)}, "
        f"saying {n1} {r.choice(GROUP)} would be affected.\n\n"
        f"“This {thing} is {r.choice(ADJ)} and {r.choice(ADJ)},” {a} said. "
        f"“{place} deserves {r.choice(['better', 'more', 'honesty', 'a plan'])} before {r.choice(DAY)}.”\n\n"
        f"{b}, a {r.choice(ROLE)} from {r.choice(PLACE)}, disagreed. “Nobody in {place} asked "
        f"{r.choice(GROUP)} about item {i},” {b} told reporters, adding that {n2} {r.choice(GROUP)} "
        f"had signed a petition.\n"
    )


def make_html(i: int, seed: int = 0, *, published: str | None = None) -> str:
    text = make_text(i, seed)
    title, _, body = text.partition("\n\n")
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{date}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>\n"
            f"{paras}</article><footer>© Example Gazette</footer></body></html>")
