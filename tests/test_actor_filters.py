"""Actors are people, organisations, groups and anonymous sources: each filter, merge and role
rule on made-up sentences (none from the shared dev pages)."""

from __future__ import annotations

from spacy.tokens import Span

from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.actors.filters import (
    clip_name,
    heading_tokens,
    is_animate_head,
    line_labels,
    not_a_name,
)
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import Actor


def att(text: str, content: str, source: str, cue: str = "said") -> Attribution:
    c = text.index(content)
    s = text.index(source)
    k = text.index(cue, max(0, min(c, s) - 5))
    return Attribution(content=[(c, c + len(content))], cue=[(k, k + len(cue))],
                       source=[(s, s + len(source))])


def resolve(text: str, atts: list[Attribution] | None = None,  # type: ignore[no-untyped-def]
            page_type: str | None = None):
    return resolve_actors(get_nlp()(text), atts or [], page_type=page_type)


def names(res) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in res.actors]


def actor_named(res, name: str) -> Actor:  # type: ignore[no-untyped-def]
    found = [a for a in res.actors if a.name == name or name in a.aliases]
    assert found, f"no actor {name!r} in {names(res)}"
    return found[0]


def test_job_title_alone_is_no_actor_and_becomes_the_role() -> None:
    text = "Zephyr Robotics CEO Marta Quillan said the merger would close in March."
    res = resolve(text, [att(text, "the merger would close in March", "Zephyr Robotics CEO Marta Quillan")])
    assert "CEO" not in names(res)
    person = actor_named(res, "Marta Quillan")
    assert person.kind == "person" and person.role == "CEO"
    assert person.affiliation == "Zephyr Robotics"


def test_acronyms_of_things_are_no_actors() -> None:
    text = ("The GDP figures disappointed. The IPO raised $2 billion, and the laptop ships with a 512GB SSD. "
            "The NASA team said the launch would go ahead.")
    res = resolve(text)
    assert not {"GDP", "IPO", "SSD"} & set(names(res))


def test_not_a_name_reasons() -> None:
    doc = get_nlp()("Write to P.O. Box 69440 for a Nintendo Switch Lite or a Dell G3 15 from the CEO.")
    lower: set[str] = set()
    assert not_a_name(doc[2:6], lower) == "address"
    switch = next(i for i, t in enumerate(doc) if t.text == "Nintendo")
    assert not_a_name(doc[switch : switch + 3], lower) == "product"
    dell = next(i for i, t in enumerate(doc) if t.text == "Dell")
    assert not_a_name(doc[dell : dell + 3], lower) == "product model"
    assert not_a_name(doc[len(doc) - 2 : len(doc) - 1], lower) == "job title"


def test_capitalised_common_word_is_no_person_but_an_organisation_keeps_its_name() -> None:
    doc = get_nlp()("Drop the price. The drop was steep. The Times reported that times were hard.")
    lower = {"drop", "times", "price", "steep", "were", "hard", "reported", "was", "the", "that"}
    assert not_a_name(doc[0:1], lower) == "common word"
    times = next(i for i, t in enumerate(doc) if t.text == "Times")
    assert not_a_name(doc[times : times + 1], lower, organisation=True) is None


def test_heading_lines_are_found() -> None:
    doc = get_nlp()("SPICED HONEY PEAR JAM\nSummary\nThe jam keeps for a year, said the cook.")
    heads = heading_tokens(doc)
    assert all(t.i in heads for t in doc[0:4])
    assert next(t for t in doc if t.text == "Summary").i in heads
    assert next(t for t in doc if t.text == "keeps").i not in heads


def test_title_case_lines_and_verbless_lines_are_no_prose() -> None:
    text = ("The Quarry Band Tour Dates\n"
            "May 3 – Dunmore, PA @ Harbour Credit Union Amphitheatre\n"
            "Streaming Is Mostly A Pleasure Until Friday, But The Lag Isn't Small\n"
            "Set Designer_Ilse Marant, Sound Design_Oren Vaskel\n"
            "[4] Noise at night: effects on sleep, Brandt OK, Varga T. J Sleep Res. 2016; 25: 1-9.\n"
            "Not to get too Karel Voss on you, but the band said it would play.")
    doc = get_nlp()(text)
    heads = heading_tokens(doc)
    lines = text.split("\n")
    for line in lines[:5]:  # a heading, a tour date, a title-case heading, credits, a reference
        start = text.index(line)
        span = doc.char_span(start, start + len(line), alignment_mode="expand")
        assert span is not None and all(t.i in heads for t in span), line
    # a sentence of function words around a name is prose, not a title-case line
    assert next(t for t in doc if t.text == "Voss").i not in heads


def test_a_signature_line_after_a_dash_is_no_heading() -> None:
    doc = get_nlp()("Nobody will take your slogan.\n\n— Oren Vaskel (@ovaskel) November 3, 2019\n\n"
                    "Great show, loved the band.\n\n– Ilse\n\nMore news")
    heads = heading_tokens(doc)
    assert next(t for t in doc if t.text == "Vaskel").i not in heads
    assert next(t for t in doc if t.text == "Ilse").i not in heads
    assert next(t for t in doc if t.text == "news").i in heads


def test_names_on_lines_that_are_no_prose_are_no_actors_unless_in_prose() -> None:
    text = ("The Quarry Band Tour Dates\n\n"
            "May 3 – Dunmore, PA @ Harbour Credit Union Amphitheatre\n\n"
            "Set Designer_Ilse Marant, Sound Design_Oren Vaskel\n\n"
            "Ilse Marant built the stage from old ship timber, the band said.")
    found = names(resolve(text))
    assert not any("Harbour" in n or "Dunmore" in n or "Vaskel" in n or "Tour" in n for n in found), found
    assert any(n.endswith("Marant") for n in found), found


def test_a_name_after_a_thing_noun_and_called_is_a_title_but_after_a_person_noun_a_name() -> None:
    doc = get_nlp()("I bought an online course called Deep Roots. I met a man named Karel Voss.")
    roots = next(t.i for t in doc if t.text == "Deep")
    assert not_a_name(doc[roots : roots + 2], set()) == "title of a work"
    voss = next(t.i for t in doc if t.text == "Karel")
    assert not_a_name(doc[voss : voss + 2], set()) is None


def test_a_name_ending_a_title_case_run_with_a_verb_is_a_title() -> None:
    doc = get_nlp()("Read the next part of this series, How to Build a Lasting Garden Mindset. "
                    "Ousted chairman Karel Voss met Ilse Marant.")
    mind = next(t.i for t in doc if t.text == "Garden")
    assert not_a_name(doc[mind : mind + 2], set()) == "title of a work"
    marant = next(t.i for t in doc if t.text == "Ilse")
    assert not_a_name(doc[marant : marant + 2], set()) is None


def test_credits_joined_by_an_underscore_or_after_a_copyright_sign_are_no_names() -> None:
    doc = get_nlp()("Set Designer_Ilse Marant, Sound Design_Oren Vaskel\n\n"
                    "The stage at night, photos © Studio Varga, 2018")
    ilse = next(t.i for t in doc if t.text.endswith("_Ilse"))
    assert not_a_name(doc[ilse : ilse + 2], set()) == "credit joined by an underscore"
    studio = next(t.i for t in doc if t.text == "Studio")
    assert not_a_name(doc[studio : studio + 2], set(), organisation=True) == "copyright credit"


def test_name_ends_at_a_colon_or_an_at_sign() -> None:
    doc = get_nlp()("Ed Holm: Dealing in stolen goods. Follow Ida Senn @idasenn for more.")
    assert doc[slice(*clip_name(doc, 0, 4))].text == "Ed Holm"
    ida = next(t.i for t in doc if t.text == "Ida")
    assert doc[slice(*clip_name(doc, ida, ida + 4))].text == "Ida Senn"


def test_a_word_labelling_many_lines_is_no_part_of_a_name_but_a_title_is() -> None:
    doc = get_nlp()("Recap Karel Voss won the vote.\n\nRecap Ilse Marant lost it.\n\n"
                    "Recap Oren Vaskel said nothing.\n\nPresident Ng spoke.\n\nPresident Holm left.\n\n"
                    "President Senn stayed.")
    assert line_labels(doc) == {"Recap"}
    assert doc[slice(*clip_name(doc, 0, 3))].text == "Karel Voss"
    ilse = next(t.i for t in doc if t.text == "Ilse")
    assert not_a_name(doc[ilse - 1 : ilse + 2], set()) == "line label"


def test_name_never_spans_a_paragraph_break_nor_keeps_a_score() -> None:
    doc = get_nlp()("Olga Brandt\n\nKarel Voss won the final against Ivo Marek 6-4 6-2.")
    start, end = clip_name(doc, 0, 3)
    assert "\n" not in doc[start:end].text and doc[start:end].text == "Olga Brandt"
    marek = next(i for i, t in enumerate(doc) if t.text == "Ivo")
    start, end = clip_name(doc, marek, marek + 3)
    assert doc[start:end].text == "Ivo Marek"


def test_hyphenated_name_is_written_as_in_the_text() -> None:
    text = ("Anne-Lise Roux, a spokeswoman for the ministry, said the talks had failed. "
            "Roux declined to add more.")
    res = resolve(text, [att(text, "the talks had failed", "Anne-Lise Roux")])
    person = actor_named(res, "Anne-Lise Roux")
    assert person.name == "Anne-Lise Roux"


def test_things_are_no_speakers() -> None:
    assert not is_animate_head(get_nlp()("the level")[1])
    assert is_animate_head(get_nlp()("forecasters")[0])
    text = "The level of smog, one estimate said, was twice the legal limit."
    res = resolve(text, [att(text, "was twice the legal limit", "one estimate")])
    assert res.speakers == [None]


def test_dateline_in_capitals_is_no_actor() -> None:
    text = "HALIFAX, Nova Scotia — Port officials said on Monday that the strike had ended."
    res = resolve(text)
    assert "HALIFAX" not in names(res)


def test_same_name_in_capitals_and_in_title_case_is_one_person() -> None:
    text = ("Dear Penny: My neighbour borrows my car. -- TIRED IN TACOMA\n\n"
            "DEAR TIRED: Say no. Penny Halloran writes the column, and Halloran said readers ask her often. "
            "PENNY said she answers every letter.")
    res = resolve(text)
    people = [a for a in res.actors if "Penny" in a.name or "PENNY" in a.name or "Halloran" in a.name]
    assert len(people) == 1, [a.name for a in people]


def test_surname_suffix_and_short_first_name_merge() -> None:
    text = ("Joel Eriksson Ek scored twice. Eriksson Ek said the team played well. "
            "Professor Joshua Apte led the study. Josh Apte said the air was worse than expected.")
    res = resolve(text)
    assert actor_named(res, "Joel Eriksson Ek") is actor_named(res, "Eriksson Ek")
    assert actor_named(res, "Joshua Apte") is actor_named(res, "Josh Apte")


def test_company_description_makes_a_name_an_organisation() -> None:
    text = ("Tickets go on sale through Harbor Nation Productions on Friday. "
            "Harbor Nation Productions said the tour would visit 30 cities.")
    res = resolve(text)
    assert actor_named(res, "Harbor Nation Productions").kind == "organization"


def test_coordinated_organisations_are_not_one_name() -> None:
    text = ("Analysts at Brightwater Capital and Kestrel Partners said the deal was fair. "
            "Kestrel Partners declined to comment.")
    res = resolve(text)
    assert "Brightwater Capital and Kestrel Partners" not in names(res)


def test_role_from_relative_clause() -> None:
    text = ("Dana Whitlock, who heads the Coalition for Fair Shipping, said the fees were too high.")
    res = resolve(text, [att(text, "the fees were too high", "Dana Whitlock")])
    person = actor_named(res, "Dana Whitlock")
    assert person.role == "head"
    assert person.affiliation == "Coalition for Fair Shipping"


def test_affiliation_from_of_phrase() -> None:
    text = "Derek Ollander of the Brookfield Policy Institute said tariffs would rise."
    source = "Derek Ollander of the Brookfield Policy Institute"
    res = resolve(text, [att(text, "tariffs would rise", source)])
    assert actor_named(res, "Derek Ollander").affiliation == "Brookfield Policy Institute"


def test_spokesperson_for_an_organisation() -> None:
    text = "A spokesperson for Meridian Rail said the line would reopen on Tuesday."
    res = resolve(text, [att(text, "the line would reopen on Tuesday", "A spokesperson for Meridian Rail")])
    speaker = next(a for a in res.actors if a.id == res.speakers[0])
    assert speaker.role == "spokesperson" and speaker.affiliation == "Meridian Rail"


def test_place_used_as_location_is_no_actor() -> None:
    text = "The factory in Ostrava employs 400 people. Mayor Petra Kalinova said it would stay open."
    res = resolve(text)
    assert "Ostrava" not in names(res)


def test_listing_page_product_names_are_no_actors_nor_speakers() -> None:
    text = ("The Lumina Buds Pro are down to $89 at Walmart. Lumina Buds Pro says it all: great sound. "
            "Stellar Phone X is $299 today.")
    atts = [att(text, "it all: great sound", "Lumina Buds Pro", cue="says")]
    res = resolve(text, atts, page_type="listing")
    assert not any("Lumina" in n or "Stellar" in n for n in names(res))
    assert res.not_quotes == {0}


def test_listing_page_keeps_a_person_with_a_title() -> None:
    text = ("The Aurora Blender is $49. Marco Bellini, a chef in Turin, said it was the best blender "
            "he had used.")
    res = resolve(text, [att(text, "it was the best blender he had used", "Marco Bellini")],
                  page_type="listing")
    assert any(a.name == "Marco Bellini" for a in res.actors)
    assert res.not_quotes == set()


def test_organisation_description_with_a_country_speaks_and_issues_its_statement() -> None:
    text = ("Three aid workers were hurt in a blast near the border, the Kenyan army said in a statement on "
            "Friday.\n\n\"The cause of the blast is being investigated,\" the statement said.")
    atts = [att(text, "Three aid workers were hurt in a blast near the border", "the Kenyan army"),
            att(text, "The cause of the blast is being investigated", "the statement")]
    res = resolve(text, atts)
    assert res.speakers[0] is not None and res.speakers[0] == res.speakers[1]


def test_interviewer_is_not_merged_into_the_person_interviewed() -> None:
    text = ("Duke Alaric Venn defended his friendship with the financier Osric Pell. "
            "The television interviewer pressed him on the flights. Venn said he had never flown with Pell.")
    res = resolve(text, [att(text, "he had never flown with Pell", "Venn")])
    people = [a for a in res.actors if "Venn" in a.name or "Pell" in a.name]
    assert len(people) == 2
    for actor in people:
        assert not any(s <= text.index("The television interviewer") < e for s, e in actor.mentions)
        assert actor.role != "interviewer"


def test_two_names_joined_to_modify_a_noun_are_no_person() -> None:
    """"a Clinton-Warren ticket" pairs two people: no actor is called "Clinton-Warren", and the
    article's "Warren" is Elizabeth Warren's."""
    text = ("Sen. Elizabeth Warren met Hillary Clinton on Friday.\n\nThe meeting got people talking about "
            "a Clinton-Warren ticket.\n\nWarren left the meeting at noon. \"I think she is a fighter,\" "
            "Warren said.")
    art = analyze_text(text)
    assert not any("-" in a.name for a in art.actors), [a.name for a in art.actors]
    q = next(q for q in art.quotes if "fighter" in q.text)
    speaker = art.actor(q.speaker.actor)
    assert speaker is not None and speaker.name == "Elizabeth Warren"


def test_a_hyphenated_first_name_before_a_noun_is_a_name() -> None:
    """"the Rose-Lynn character" after "Rose-Lynn Harlan": one person's first name, not a pair, though
    "Rose" and "Lynn" are words of a person name (joined by the hyphen, never alone); "a
    Clinton-Warren ticket" after "Clinton" and "Warren" is a pair."""
    doc = get_nlp()("The heroine is Rose-Lynn Harlan, a singer from Glasgow. Lund said the Rose-Lynn "
                    "character was close to her heart. Clinton and Warren met; a Clinton-Warren ticket was "
                    "discussed.")
    text = doc.text

    def span(needle: str, occurrence: int = 0) -> Span:
        start = text.index(needle) if occurrence == 0 else text.index(needle, text.index(needle) + 1)
        found = doc.char_span(start, start + len(needle))
        assert found is not None
        return found

    people = [span("Rose-Lynn Harlan"), span("Clinton"), span("Warren")]
    doc.ents = [Span(doc, p.start, p.end, label="PERSON") for p in people]  # the tagger's, made sure
    lower = {t.lower_ for t in doc if t.is_lower}
    assert not_a_name(span("Rose-Lynn", 1), lower) is None
    assert not_a_name(span("Clinton-Warren"), lower) == "pair of names"
