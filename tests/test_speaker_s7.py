"""Speaker rules of the seventh round (issue 9 item 3): quotes relayed by a medium, a pronoun
joined with others, descriptions introduced with a name, statements read by their issuer.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis import analyze_text
from saidwhat.schema import AnalyzedArticle


def _speaker(art: AnalyzedArticle, needle: str) -> tuple[str, str | None, list[str]]:
    """(speaker mention text, actor name, actor aliases) of the quote whose content holds ``needle``."""
    start = art.text.index(needle)
    for q in art.quotes:
        if any(s <= start < e for s, e in q.content):
            actor = art.actor(q.speaker.actor)
            mention = " ".join(art.text[s:e] for s, e in q.speaker.mention)
            return mention, (actor.name if actor else None), (actor.aliases if actor else [])
    raise AssertionError(f"no quote over {needle!r}: {art.quotes}")


def test_a_quote_relayed_by_a_newspaper_is_the_speakers_not_the_newspapers() -> None:
    art = analyze_text("Mayor Linda Okafor toured the flooded district on Sunday.\n\n"
                       "“We will rebuild every bridge before the winter,” she said, according to the "
                       "Riverside Gazette.")
    assert _speaker(art, "We will rebuild every bridge")[1] == "Linda Okafor"
    assert any("Riverside Gazette" in a.name for a in art.actors)  # the medium is still an actor


def test_a_quote_relayed_by_a_statement_is_the_speakers() -> None:
    art = analyze_text("Senator Paul Derwin visited the shipyard in Halden on Friday.\n\n"
                       "“This yard will build ships again,” he told the workers, according to a statement.")
    assert _speaker(art, "This yard will build ships again")[1] == "Paul Derwin"


def test_according_to_a_medium_alone_stays_the_mediums() -> None:
    art = analyze_text("The ferry service will end in March, according to the Riverside Gazette.")
    assert _speaker(art, "The ferry service will end")[1] == "Riverside Gazette"


def test_a_pronoun_joined_with_others_is_a_group_named_after_its_person() -> None:
    art = analyze_text("Senator Paul Derwin opened the hearing on the shipyard.\n\n"
                       "He and other members of the panel said the budget was far too small.")
    mention, name, aliases = _speaker(art, "the budget was far too small")
    assert name == "Paul Derwin and other members of the panel"
    assert "He and other members of the panel" in aliases


def test_a_description_refers_to_the_name_it_introduced_not_the_latest_subject() -> None:
    art = analyze_text("Nurses at Halden General formed a union last month. The group, Halden Care Workers, "
                       "wrote to the board on Monday.\n\n"
                       "Meanwhile the hospital operator Norcastle Health announced that it would close two "
                       "wards.\n\n"
                       "The group said the closures would leave the town without a maternity ward.")
    assert _speaker(art, "leave the town without a maternity ward")[1] == "Halden Care Workers"


def test_a_company_statement_may_name_the_company() -> None:
    art = analyze_text("Orrin Freight sued Baxley Logistics in March. Baxley Logistics denied that it "
                       "had broken the contract.\n\n"
                       "“At no time did Baxley Logistics agree to carry the cargo,” the company said in a "
                       "statement.")
    assert _speaker(art, "At no time did Baxley Logistics")[1] == "Baxley Logistics"


def test_a_company_is_not_the_one_its_indirect_report_names() -> None:
    art = analyze_text("Orrin Freight sued Baxley Logistics in March. Baxley Logistics denied that it "
                       "had broken the contract.\n\n"
                       "The company said Baxley Logistics had lost two of its containers.")
    assert _speaker(art, "had lost two of its containers")[1] != "Baxley Logistics"


def test_a_quote_by_they_is_marked_unsure() -> None:
    from saidwhat.analysis.attribution.confidence import RESOLVED_PLURAL_PRONOUN_CONFIDENCE
    from saidwhat.views.render import UNCERTAIN

    art = analyze_text("Nurses and porters at Halden General walked out on Monday. The Halden Care Workers "
                       "union backed them.\n\n"
                       "They said the strike would go on until the wards reopened.")
    start = art.text.index("the strike would go on")
    quote = next(q for q in art.quotes if any(s <= start < e for s, e in q.content))
    assert quote.speaker.actor is not None
    assert quote.confidence is not None
    assert quote.confidence <= RESOLVED_PLURAL_PRONOUN_CONFIDENCE < UNCERTAIN


def test_a_phrase_inside_a_relative_clause_is_not_the_speaker() -> None:
    art = analyze_text("The old mill in Halden will become a museum.\n\n"
                       "\"The mill should remind every visitor of the town's past,\" Culture Minister Anna "
                       "Berg, who serves in a caretaker cabinet of civil servants, said in the statement.")
    assert _speaker(art, "should remind every visitor")[1] == "Anna Berg"


def test_a_named_source_is_not_the_name_inside_its_apposition() -> None:
    art = analyze_text("Protests went on in Halden on Monday. On Tuesday, the People’s Voice, the mouthpiece "
                       "of the Unity party, warned that there was “no room for compromise”.")
    assert _speaker(art, "no room for compromise")[1] == "the People’s Voice"
