"""Names of things, credits and names in passing are no actors; roles from appositions (issue 9).

Each rule on made-up sentences of its own (none from the shared dev pages nor the own pages)."""

from __future__ import annotations

from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.actors.filters import byline, credit_line, not_a_name
from saidwhat.analysis.actors.passing import source_only
from saidwhat.analysis.actors.things import COMMON_WORD, COUNTED, THE_PERSON, speech_verbs, thing_reason
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import Actor


def att(text: str, content: str, source: str, cue: str = "said") -> Attribution:
    c = text.index(content)
    s = text.index(source)
    k = text.index(cue, max(0, min(c, s) - 5))
    return Attribution(content=[(c, c + len(content))], cue=[(k, k + len(cue))],
                       source=[(s, s + len(source))])


def resolve(text: str, atts: list[Attribution] | None = None):  # type: ignore[no-untyped-def]
    return resolve_actors(get_nlp()(text), atts or [])


def names(res) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in res.actors]


def actor_named(res, name: str) -> Actor:  # type: ignore[no-untyped-def]
    found = [a for a in res.actors if a.name == name or name in a.aliases]
    assert found, f"no actor {name!r} in {names(res)}"
    actor: Actor = found[0]
    return actor


def test_a_name_counted_like_a_common_noun_is_a_thing() -> None:
    text = ("Orvane Aerospace builds the Kestrel. The agency wants to buy an additional Kestrel, "
            "and Orvane Aerospace hired 200 engineers.")
    res = resolve(text)
    assert "Kestrel" not in names(res)
    assert "Orvane Aerospace" in names(res)


def test_counted_rule_reads_the_name_not_the_noun_it_modifies() -> None:
    doc = get_nlp()("Prices fell to a new Zentrix all-time low this week.")
    zentrix = next(t for t in doc if t.text == "Zentrix")
    assert thing_reason(doc, [_Named(zentrix.i, "Zentrix")], "organization") != COUNTED


def test_the_before_a_one_word_person_name_is_a_thing() -> None:
    text = "Crews will land on the Moon in 2028. The Moon is far, and the trip to the Moon is long."
    res = resolve(text)
    assert "Moon" not in names(res)


def test_the_rule_leaves_real_people_alone() -> None:
    text = "Mayor Lena Ortiz said the bridge would reopen. Ortiz added that the city would pay."
    res = resolve(text, [att(text, "the bridge would reopen", "Mayor Lena Ortiz")])
    assert actor_named(res, "Lena Ortiz").kind == "person"


def test_a_name_described_as_a_thing_is_no_actor() -> None:
    text = ("The Glass Orchard, an urban fantasy about smugglers, stayed in print for years. "
            "The equity benchmark Valdex scaled a new high in the morning trade.")
    res = resolve(text)
    assert not {"Glass Orchard", "Valdex"} & set(names(res))


def test_a_thing_descriptor_does_not_silence_a_name_that_speaks() -> None:
    text = "Nimbus, a popular app, said on Monday that it would close its offices."
    res = resolve(text)
    assert "Nimbus" in names(res)
    assert "announce" in speech_verbs() and "say" in speech_verbs() and "be" not in speech_verbs()


def test_company_descriptors_are_no_things() -> None:
    text = "Fellow tech powerhouse Quillon also stepped into gaming this year."
    assert "Quillon" in names(resolve(text))


def test_a_name_in_the_plural_beside_its_singular_is_a_model() -> None:
    text = ("Brightway took the ports from old Zephbooks and put them in the new Zephbook. "
            "Brightway said the Zephbook sells well.")
    res = resolve(text)
    assert not {"Zephbook", "Zephbooks"} & set(names(res))
    assert "Brightway" in names(res)


def test_news_agency_credit_in_a_dateline_is_no_actor() -> None:
    doc = get_nlp()("PORTLAND (AP) — The council voted on Tuesday.")
    ap = next(t for t in doc if t.text == "AP")
    assert credit_line(doc, ap.i, ap.i + 1)
    assert "AP" not in names(resolve_actors(doc, []))


def test_byline_author_is_no_actor() -> None:
    text = ("A bigger role for a big rocket\nby Dana Whitlock\nMonday, November 18, 2019\n"
            "The agency announced a delay.")
    doc = get_nlp()(text)
    start = next(t.i for t in doc if t.text == "Dana")
    assert byline(doc, start, start + 2)
    assert "Dana Whitlock" not in names(resolve_actors(doc, []))


def test_passive_agent_is_no_byline() -> None:
    doc = get_nlp()("The report was written by Dana Whitlock on Monday, November 18.")
    start = next(t.i for t in doc if t.text == "Dana")
    assert not byline(doc, start, start + 2)


def test_name_ends_at_a_possessive_inside_it() -> None:
    text = "The first book in Mark Jordan’s Wheel of Stars series sold a million copies."
    res = resolve(text)
    assert "Mark Jordan" in names(res)
    assert not any("Wheel" in n for n in names(res))


def test_first_name_coordinated_with_a_full_name_shares_its_surname() -> None:
    text = "He urged the ministry to investigate Tom and Ellis Granger. Tom Granger denied it."
    res = resolve(text)
    tom = actor_named(res, "Tom Granger")
    assert "Tom" in tom.aliases or tom.name == "Tom Granger"
    assert "Tom" not in names(res)


def test_examples_after_including_are_named_in_passing() -> None:
    text = ("He was a peer to writers including Mara Quell, Odin Farrow and Tessa Lune. "
            "Harlan Voss said he never met them.")
    res = resolve(text, [att(text, "he never met them", "Harlan Voss")])
    assert not {"Mara Quell", "Odin Farrow", "Tessa Lune"} & set(names(res))
    assert "Harlan Voss" in names(res)


def test_sentence_adverb_tagged_as_a_name_is_no_actor() -> None:
    text = "Nationally, dealers sold nearly 17 million new vehicles last year, up 2 percent."
    assert "Nationally" not in names(resolve(text))


def test_organisation_named_by_its_poll_or_its_people_is_a_participant() -> None:
    text = "A new Halvorsen Institute poll shows majority support for the plan."
    assert "Halvorsen Institute" in names(resolve(text))


def test_role_phrase_and_unit_affiliation_from_apposition() -> None:
    text = ("Jim Corlett, senior vice president of Advanced Programs at Brightway Orbital, said the "
            "test went well.")
    res = resolve(text, [att(text, "the test went well", "Jim Corlett")])
    person = actor_named(res, "Jim Corlett")
    assert person.role == "senior vice president"
    assert person.affiliation == "Advanced Programs at Brightway Orbital"


def test_possessor_affiliation_stops_at_a_sentence_end() -> None:
    text = "Critics prefer the old Zephbook Pro. Brightway's CEO Tim Cole said the new one sells well."
    res = resolve(text, [att(text, "the new one sells well", "Brightway's CEO Tim Cole")])
    person = actor_named(res, "Tim Cole")
    assert person.affiliation == "Brightway"


def test_administrator_is_a_role() -> None:
    text = "The agency's administrator Jim Brandt said the launch would slip."
    res = resolve(text, [att(text, "the launch would slip", "The agency's administrator Jim Brandt")])
    assert actor_named(res, "Jim Brandt").role == "administrator"


def test_coordinated_name_part_seen_only_inside_it_stays_one_name() -> None:
    text = ("Officials at the Tolland Customs and Border Service said the centre was full. "
            "The Tolland Customs and Border Service added that it would hire staff.")
    res = resolve(text)
    assert not any(n.endswith("Customs") for n in names(res))


class _Named:
    """A name mention as ``things`` reads it."""

    def __init__(self, head: int, text: str) -> None:
        self.head, self.type, self.text, self.name_tokens = head, "name", text, text.split()


def test_thing_reason_names_its_reason() -> None:
    doc = get_nlp()("Crews flew to the Moon.")
    moon = next(t for t in doc if t.text == "Moon")
    assert thing_reason(doc, [_Named(moon.i, "Moon")], "person") == THE_PERSON


def test_unnamed_government_that_acts_is_an_actor() -> None:
    text = "The government distributed five million face masks to schools on Friday."
    assert "government" in [n.lower().removeprefix("the ") for n in names(resolve(text))]


def test_qualified_people_that_act_are_a_group_but_people_in_general_are_not() -> None:
    text = "Prison officials regularly assigned civilian staffers to guard duty. People were angry."
    found = [n.lower() for n in names(resolve(text))]
    assert "prison officials" in found
    assert "people" not in found


def test_trade_nouns_acting_form_a_group() -> None:
    text = "Farmers outside the city burn the stubble left after the harvest."
    assert "farmers" in [n.lower() for n in names(resolve(text))]


def test_place_ending_a_longer_name_is_no_actor_of_its_own() -> None:
    text = "Geoffrey Marsh, the U.S. attorney for the Eastern District of Virginia, said the guards lied."
    res = resolve(text, [att(text, "the guards lied", "Geoffrey Marsh")])
    assert "Virginia" not in names(res)


def test_names_enumerated_once_are_named_in_passing() -> None:
    text = ("Alden Fund owns the Corby Register, the Marlow Post, the Easton Ledger and the Pike Courier. "
            "Alden Fund said it would cut costs.")
    res = resolve(text, [att(text, "it would cut costs", "Alden Fund")])
    assert not {"Corby Register", "Marlow Post", "Easton Ledger", "Pike Courier"} & set(names(res))
    assert "Alden Fund" in names(res)


def test_he_does_not_refer_to_a_name_after_the() -> None:
    text = "Crews will return to the Moon by 2028. He said the Moon is within reach."
    assert "Moon" not in names(resolve(text, [att(text, "the Moon is within reach", "He")]))


def test_subject_apposition_after_a_relative_clause_is_no_thing() -> None:
    text = "The company that makes the ferries, Fjordline Marine, said sales rose last year."
    assert "Fjordline Marine" in names(resolve(text))


# --- names in passing (analysis/actors/passing.py): each rule on sentences of its own ---------------


def test_department_before_an_office_title_is_part_of_the_title() -> None:
    text = ("Interior Secretary Maren Holt and Transportation Secretary Ivo Lamm met the Senate Press "
            "Secretary Ola Berg.")
    found = names(resolve(text))
    assert not {"Interior", "Transportation", "Senate Press"} & set(found)
    assert {"Maren Holt", "Ivo Lamm", "Ola Berg"} <= set(found)


def test_company_before_a_company_title_stays_an_actor() -> None:
    text = "Veltrix CEO Dana Moor said the plant would close. Veltrix employs 900 people."
    res = resolve(text, [att(text, "the plant would close", "Veltrix CEO Dana Moor")])
    assert "Veltrix" in names(res)


def test_one_word_person_named_once_without_acting_is_no_actor() -> None:
    text = ("Mayor Lena Ortiz said the bridge would reopen. She later posted the schedule on "
            "Quibbler, where residents had complained for weeks.")
    res = resolve(text, [att(text, "the bridge would reopen", "Mayor Lena Ortiz")])
    assert "Quibbler" not in names(res)
    assert "Lena Ortiz" in names(res)


def test_one_word_first_name_or_acting_name_stays() -> None:
    text = "The council thanked Marcus for the plan. Brannigan rejected it on Monday."
    res = resolve(text)
    assert "Brannigan" in names(res)


def test_on_a_deals_list_names_that_never_act_are_products() -> None:
    text = ("Walmart is offering the Lenovo IdeaPad 3 laptop for $299. The laptop supports Microsoft "
            "Teams and Dropbox, and ships with a charger. Dropbox cut its prices on Monday.")
    doc = get_nlp()(text)
    assert "Microsoft Teams" in names(resolve_actors(doc, []))  # on a news page it stays
    listed = names(resolve_actors(doc, [], page_type="listing"))
    assert "Microsoft Teams" not in listed
    assert "Dropbox" in listed  # it acts: "Dropbox cut its prices"


def test_listing_rule_is_off_on_pages_that_name_people() -> None:
    text = "Senator Ada Crane said the fund was empty. The laptop supports Microsoft Teams and Dropbox."
    res = resolve_actors(get_nlp()(text), [], page_type="listing")
    assert "Ada Crane" in names(res)
    assert "Microsoft Teams" in names(res)


def test_field_of_work_in_a_title_is_no_actor_but_a_body_is() -> None:
    text = ("“Demand is strong,” said Ola Berg, head of Credit Analytics at Norvik Bank. “We agree,” "
            "said Ivo Lamm, director of the Center for Coastal Studies at Tarn University.")
    res = resolve(text, [att(text, "Demand is strong", "Ola Berg"), att(text, "We agree", "Ivo Lamm")])
    assert "Credit Analytics" not in names(res)
    assert "Norvik Bank" in names(res)


def test_place_that_only_suffers_is_a_setting_but_a_place_that_acts_is_an_actor() -> None:
    text = ("Many cities struggle with smog. Veradona has suffered dangerous smog for decades. "
            "Meanwhile Kostavia banned coal plants and Kostavia imposed fines.")
    res = resolve(text)
    assert "Veradona" not in names(res)


def test_a_document_is_a_source_but_no_actor() -> None:
    from saidwhat.analysis.pipeline import analyze_text

    text = ("The two guards slept at their desks for two hours, according to court filings. "
            "Warden Ada Crane said the unit was short of staff.")
    res = analyze_text(text)
    assert not any("filings" in a.name for a in res.actors)
    assert "Ada Crane" in [a.name for a in res.actors]
    sourced = [q for q in res.quotes if "slept" in q.text]
    assert sourced and sourced[0].speaker.actor is None  # the mention stays the speaker
    assert "court filings" in res.text[sourced[0].speaker.mention[0][0]:sourced[0].speaker.mention[0][1]]


def test_source_only_reasons() -> None:
    doc = get_nlp()("Fifty percent say the plan failed. Forty percent of nurses say it worked. "
                    "A study found that it failed. Two nurses said it worked.")

    def span(words: str) -> list[tuple[int, int]]:
        i = doc.text.index(words)
        return [(i, i + len(words))]

    assert source_only(doc, "anonymous", span("Fifty percent")) == "a count of people who are not named"
    assert source_only(doc, "group", span("Forty percent of nurses")) is None
    assert source_only(doc, "anonymous", span("A study")) == "a document, not an actor"
    assert source_only(doc, "group", span("Two nurses")) is None


def test_a_record_a_remark_or_a_work_is_a_source_not_an_actor() -> None:
    """Unnamed actors whose head is a record ("the agreement", "the data"), a remark ("His
    comments") or a work ("The new film") are no actors; people and bodies stay."""
    doc = get_nlp()("The agreement barred any sale. His comments angered the board. "
                    "The new film shows the crash. The data we gathered suggest a fall. "
                    "Local engineers warned of delays.")

    def span(words: str) -> list[tuple[int, int]]:
        i = doc.text.index(words)
        return [(i, i + len(words))]

    assert source_only(doc, "anonymous", span("The agreement")) == "a document, not an actor"
    assert source_only(doc, "group", span("The data we gathered")) == "a document, not an actor"
    assert source_only(doc, "group", span("His comments")) == "a remark or a work, not an actor"
    assert source_only(doc, "anonymous", span("The new film")) == "a remark or a work, not an actor"
    assert source_only(doc, "group", span("Local engineers")) is None
    assert source_only(doc, "group", span("the board")) is None


def test_actors_are_numbered_without_gaps_after_sources_are_left_out() -> None:
    from saidwhat.analysis.actors.passing import drop_source_only
    from saidwhat.schema import Quote, Speaker

    text = "According to court filings, the guards slept. Warden Ada Crane said the unit was short of staff."
    doc = get_nlp()(text)
    filings, crane = text.index("court filings"), text.index("Ada Crane")
    actors = [Actor(id="a1", name="court filings", kind="group", mentions=[(filings, filings + 13)]),
              Actor(id="a3", name="Ada Crane", kind="person", mentions=[(crane, crane + 9)])]
    by_filings = Speaker(mention=[(filings, filings + 13)], actor="a1")
    by_crane = Speaker(mention=[(crane, crane + 9)], actor="a3")
    quotes = [Quote(id="q1", kind="indirect", content=[(28, 45)], speaker=by_filings),
              Quote(id="q2", kind="indirect", content=[(70, 96)], speaker=by_crane)]
    drop_source_only(doc, actors, quotes)
    assert [(a.id, a.name) for a in actors] == [("a1", "Ada Crane")]
    assert [q.speaker.actor for q in quotes] == [None, "a1"]


def test_a_name_inside_a_source_given_to_someone_else_is_no_actor() -> None:
    from saidwhat.analysis.pipeline import analyze_text

    res = analyze_text("One Denver-based trade expert said that the tariffs would stay in place until 2021.")
    assert "Denver" not in [a.name for a in res.actors]
    assert [res.actor(q.speaker.actor).name for q in res.quotes if q.speaker.actor] == [  # type: ignore[union-attr]
        "One Denver-based trade expert"]


class _Mention:
    """A mention as ``passing`` reads it."""

    def __init__(self, head: int, text: str) -> None:
        self.head, self.type, self.text, self.name_tokens = head, "name", text, text.split()
        self.role, self.gender = None, None


class _Cluster:
    def __init__(self, mentions: list[_Mention], kind: str = "organization") -> None:
        self.mentions, self.kind, self.is_gpe = mentions, kind, False


def test_a_whole_office_title_tagged_as_an_organisation_is_no_actor() -> None:
    from saidwhat.analysis.actors.passing import Page, passing_reason

    doc = get_nlp()("She was told by the former Trade Adviser to report the call to Orvane Aerospace.")
    adviser = next(t for t in doc if t.text == "Adviser")
    orvane = next(t for t in doc if t.text == "Aerospace")
    page = Page(doc, "news", 1)
    assert passing_reason(page, _Cluster([_Mention(adviser.i, "Trade Adviser")])) == "part of an office title"
    assert passing_reason(page, _Cluster([_Mention(orvane.i, "Orvane Aerospace")])) is None


def test_a_platform_before_a_handle_is_no_actor() -> None:
    """"on Twitter @aday_writes": the name before an @handle is where the handle lives."""
    from saidwhat.analysis.actors.passing import Page, passing_reason

    doc = get_nlp()("Her novel is out now. Follow her on Twitter @aday_writes or on Mastodon.")
    platform = next(t for t in doc if t.text == "Twitter")
    other = next(t for t in doc if t.text == "Mastodon")
    page = Page(doc, "news", 1)
    assert passing_reason(page, _Cluster([_Mention(platform.i, "Twitter")])) == "a platform before a handle"
    also_in_prose = _Cluster([_Mention(platform.i, "Twitter"), _Mention(other.i, "Mastodon")])
    assert passing_reason(page, also_in_prose) is None


def test_people_qualified_by_an_adjective_that_act_are_a_group_but_counted_people_are_not() -> None:
    assert "senior diplomats" in names(resolve("Senior diplomats rejected the plan on Monday."))
    assert names(resolve("Many experts rejected the plan on Monday.")) == []


def test_officials_acting_for_an_institution_are_a_group_unqualified() -> None:
    assert "prosecutors" in names(resolve("Prosecutors charged the guard on Friday."))


def test_on_a_deals_list_a_retailer_where_the_deal_is_stays() -> None:
    text = "The Lenovo IdeaPad 3 laptop is available at Shopwell for $299, and it supports Microsoft Teams."
    listed = names(resolve_actors(get_nlp()(text), [], page_type="listing"))
    assert "Shopwell" in listed
    assert "Microsoft Teams" not in listed


def test_a_name_owned_through_a_possessive_pronoun_is_a_thing() -> None:
    text = ("“Ada has my Full and Lasting Support,” the mayor wrote. Orvane Aerospace hired 200 "
            "engineers, and the company thanked its partners.")
    res = resolve(text)
    assert "Full and Lasting Support" not in names(res)
    assert "Orvane Aerospace" in names(res)


def test_possessive_pronoun_rule_reads_the_name_it_owns() -> None:
    doc = get_nlp()("Kim sold her shares, and we kept our Kestrel for another decade.")
    kestrel = next(t for t in doc if t.text == "Kestrel")
    assert thing_reason(doc, [_Named(kestrel.i, "Kestrel")], "organization") == COUNTED


def test_one_word_name_read_as_a_verb_is_no_actor() -> None:
    doc = get_nlp()("“GET OUT and VOTE on Tuesday for your Governor!” the senator wrote.")
    vote = next(t for t in doc if t.text == "VOTE")
    assert not_a_name(doc[vote.i : vote.i + 1], set(), organisation=True) == "a verb"


def test_state_in_a_party_tag_is_no_actor_even_in_a_source() -> None:
    text = "“The plan is dead,” said Rep. Dana Moor (R-TX), who chairs the panel."
    res = resolve(text, [att(text, "The plan is dead", "Rep. Dana Moor (R-TX)")])
    assert "TX" not in names(res)
    assert "Dana Moor" in names(res)
    doc = get_nlp()("Sen. Ann Fox, D-Minn., voted against the bill.")
    minn = next(t for t in doc if t.text.startswith("Minn"))
    assert not_a_name(doc[minn.i : minn.i + 1], set(), organisation=True) == "state in a party tag"


def test_a_place_of_work_or_custody_is_no_actor() -> None:
    text = ("At the Orvane Assembly Facility in Ohio, workers finished the engines. Two guards at "
            "Ridgeway Prison were charged, and Orvane Aerospace hired 200 engineers.")
    res = resolve(text)
    assert not {"Orvane Assembly Facility", "Ridgeway Prison"} & set(names(res))
    assert "Orvane Aerospace" in names(res)


def test_a_first_name_in_brackets_before_a_surname_is_no_person_of_its_own() -> None:
    res = resolve("Ortiz said that coach (Tom) Brannigan was right about the fouls.")
    assert "Tom" not in names(res)
    assert "Brannigan" in names(res)


def test_a_name_inside_a_quoted_title_is_a_work_but_a_group_called_so_is_not() -> None:
    doc = get_nlp()("Her best card, a poem called “Winter Gate, Orvane Station,” won a prize.")
    i = next(t.i for t in doc if t.text == "Orvane")
    assert not_a_name(doc[i : i + 2], set(), organisation=True) == "title of a work"
    doc = get_nlp()("A group called “Doctors for Open Gates” wrote to the agency on Monday.")
    i = next(t.i for t in doc if t.text == "Doctors")
    assert not_a_name(doc[i : i + 4], set(), organisation=True) is None


def test_a_name_qualifying_a_document_owns_no_people() -> None:
    from saidwhat.analysis.actors.resolve.keeping import _has_people

    doc = get_nlp()("Banks rallied after the Orvane Steel resolution, and Kestrel officials cheered.")
    steel = next(t for t in doc if t.text == "Steel")
    kestrel = next(t for t in doc if t.text == "Kestrel")
    assert not _has_people(doc, _Cluster([_Mention(steel.i, "Orvane Steel")]))  # type: ignore[arg-type]
    assert _has_people(doc, _Cluster([_Mention(kestrel.i, "Kestrel")]))  # type: ignore[arg-type]


def test_a_name_after_a_lowercase_compass_word_is_a_region() -> None:
    from saidwhat.analysis.actors.passing import Page, passing_reason

    doc = get_nlp()("The northern Kestrel Range has seen little rain, and Orvane Aerospace moved its plant.")
    kestrel = next(t for t in doc if t.text == "Range")
    orvane = next(t for t in doc if t.text == "Aerospace")
    page = Page(doc, "news", 1)
    assert passing_reason(page, _Cluster([_Mention(kestrel.i, "Kestrel Range")])) == "a region"
    assert passing_reason(page, _Cluster([_Mention(orvane.i, "Orvane Aerospace")])) is None


def test_descriptions_acting_inside_a_quotation_are_no_actors() -> None:
    quoted = "“The government distributed five million masks, and prosecutors charged the guard,” Ortiz said."
    found = [n.lower().removeprefix("the ") for n in names(resolve(quoted))]
    assert "government" not in found and "prosecutors" not in found
    told = "The government distributed five million masks, and prosecutors charged the guard, Ortiz said."
    found = [n.lower().removeprefix("the ") for n in names(resolve(told))]
    assert "government" in found and "prosecutors" in found


def test_a_namesake_is_named_in_passing() -> None:
    text = "Named for economist Rolf Brannigan, the curve shows that pollution falls as incomes rise."
    assert "Rolf Brannigan" not in names(resolve(text))


def test_a_nationality_said_of_someone_is_no_group() -> None:
    assert "Canadians" not in names(resolve("Ortiz said that his parents were conservative Canadians."))
    assert "Canadians" in names(resolve("Devout Canadians protested outside the embassy on Monday."))


def test_a_name_measured_like_a_product_is_a_thing() -> None:
    doc = get_nlp()("Orvane’s 14-inch Kestrel features a bright display.")
    kestrel = next(t for t in doc if t.text == "Kestrel")
    assert thing_reason(doc, [_Named(kestrel.i, "Kestrel")], "organization") == COUNTED


def test_a_speaker_cut_out_as_a_verb_or_adverb_is_no_actor() -> None:
    """An unnamed speaker whose mention has no noun ("proposed", cut out of "the changes proposed")
    names no one; a description with a noun head, or nouns joined by "and", is kept."""
    doc = get_nlp()("The changes were proposed on Monday. Businesses and residents complained loudly.")
    verb = doc.text.index("proposed")
    assert source_only(doc, "anonymous", [(verb, verb + len("proposed"))]) == "no noun names anyone"
    both = doc.text.index("Businesses and residents")
    assert source_only(doc, "group", [(both, both + len("Businesses and residents"))]) is None


def test_examples_of_a_thing_noun_are_things_but_examples_of_companies_are_not() -> None:
    doc = get_nlp()("The service offers popular franchises such as Varrow Quest, Holt Runner and more. "
                    "Rivals such as Orvane Aerospace said nothing.")
    assert thing_reason(doc, [_mention(doc, "Runner")], "person") == "example of a thing"
    assert thing_reason(doc, [_mention(doc, "Aerospace")], "organization") is None


def test_a_name_listed_among_numbered_titles_is_a_thing_but_a_list_of_people_with_ages_is_not() -> None:
    doc = get_nlp()("The launch titles include: Varrow Quest 2, Holt Runner 2020, Mira Keel, Tarn 3D, "
                    "Ossian Drift and Pell Valley 4. Police named Jo Varga, 45, Al Brook, 32, "
                    "Ed Holm, 27, and Ida Senn, 51, of Dunmore.")
    assert thing_reason(doc, [_mention(doc, "Drift")], "person") == "listed among models"
    assert thing_reason(doc, [_mention(doc, "Brook")], "person") is None


def test_a_plan_is_no_actor() -> None:
    doc = get_nlp()("She followed the Timed-Harvest Meal Plan for a month.")
    start = next(t.i for t in doc if t.text == "Timed")
    assert not_a_name(doc[start : start + 5], set(), organisation=True) == "plan"


def test_a_market_index_is_no_actor_but_its_operator_is() -> None:
    doc = get_nlp()("The Tarnby Composite fell 2%, while the Vell Kross Index rose. Tarnby Exchange said "
                    "trading was normal.")
    start = next(t.i for t in doc if t.text == "Vell")
    assert not_a_name(doc[start : start + 3], set(), organisation=True) == "market index"
    start = next(t.i for t in doc if t.text == "Tarnby")
    assert not_a_name(doc[start : start + 2], set(), organisation=True) == "market index"
    start = next(t.i for t in doc if t.text == "Exchange")
    assert not_a_name(doc[start - 1 : start + 1], set(), organisation=True) is None


class _M:
    """A name mention of one token, as ``things`` reads it."""

    def __init__(self, head: int, words: list[str]) -> None:
        self.head, self.type, self.name_tokens = head, "name", words


def _mention(doc, word: str) -> _M:  # type: ignore[no-untyped-def]
    tok = next(t for t in doc if t.text == word)
    return _M(tok.i, [t.text for t in doc[tok.i - 1 : tok.i + 1]])


def test_a_watchdog_is_an_actor_and_a_watch_a_product() -> None:
    res = resolve("Harbor Rights Watch sued the port authority on Monday. Critics wore the Apple Watch.")
    assert "Harbor Rights Watch" in names(res)
    assert not any("Apple Watch" in n for n in names(res))


def test_a_one_word_person_the_page_also_writes_as_a_common_noun_is_a_thing() -> None:
    doc = get_nlp()("Stir the honey into the jam. Add more honey later.\n\nHoney makes the jam softer.")
    word = next(t for t in doc if t.text == "Honey")
    assert thing_reason(doc, [_M(word.i, ["Honey"])], "person") == COMMON_WORD
    # one common use is not enough
    doc = get_nlp()("Her hope was plain.\n\nHope said the jam was softer.")
    word = next(t for t in doc if t.text == "Hope")
    assert thing_reason(doc, [_M(word.i, ["Hope"])], "person") is None
