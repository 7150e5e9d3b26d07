"""Where an actor's name starts and ends: the name rules of the sixth round (issue 9, item 4).

Each rule on made-up sentences of its own (none from the shared dev pages nor the own pages)."""

from __future__ import annotations

from quote_texts import speaker_name as _speaker_of  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.actors.filters import (
    clip_name,
    heading_tokens,
    lowercase_words,
    name_cased,
    not_a_name,
)
from saidwhat.analysis.actors.mentions import find_mentions
from saidwhat.analysis.actors.surnames import in_quotes
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp


def _names(text: str, atts: list[Attribution] | None = None) -> list[str]:
    return [a.name for a in resolve_actors(get_nlp()(text), atts or []).actors]


def test_a_social_media_handle_is_no_name() -> None:
    text = "The survey covered 400 farms. Follow us on Twitter @Harvestnews and on our website."
    assert not any("@" in n for n in _names(text))
    doc = get_nlp()(text)
    at = text.index("Twitter")
    span = doc.char_span(at, len("Twitter @Harvestnews") + at, alignment_mode="expand")
    assert span is not None
    assert not_a_name(span, lowercase_words(doc), organisation=True) == "social media handle"


def _reason_of(text: str, word: str, nth: int = 1) -> str | None:
    doc = get_nlp()(text)
    at = -1
    for _ in range(nth):
        at = text.index(word, at + 1)
    span = doc.char_span(at, at + len(word))
    assert span is not None
    return not_a_name(span, lowercase_words(doc), organisation=True)


def test_a_common_word_capitalised_only_at_a_sentence_start_is_no_name() -> None:
    text = "The village feared the blight for weeks. Blight can ruin a harvest in days, farmers said."
    assert _reason_of(text, "Blight") == "common word at a sentence's start"
    # a name the page never writes in lowercase keeps its capital's meaning
    other = "The village feared the storm for weeks. Velmora can ruin a harvest in days, farmers said."
    assert _reason_of(other, "Velmora") is None


def test_a_line_in_headline_case_is_a_heading() -> None:
    text = ("The mayor opened the new bridge on Monday.\n\n"
            "- Harbor Council Approves Budget for Kestrel Bridge\n\nResidents welcomed the opening.")
    doc = get_nlp()(text)
    heads = heading_tokens(doc)
    line = text.index("Harbor Council")
    assert all(t.i in heads for t in doc if line <= t.idx < text.index("\n\nResidents"))
    assert not any(t.i in heads for t in doc if t.idx < text.index("\n"))  # a sentence with a full stop


def test_a_name_ends_before_a_bracket_or_a_colon() -> None:
    text = "The Harbor Authority of Velmora (HAV said the port would close. Ada Lind: Notes came out."
    doc = get_nlp()(text)
    k = next(t.i for t in doc if t.text == "(")
    assert clip_name(doc, 0, k + 2) == (0, k)  # "The Harbor Authority of Velmora", without "(HAV"
    a = next(t.i for t in doc if t.text == "Ada")
    assert clip_name(doc, a, a + 4) == (a, a + 2)  # "Ada Lind", not "Ada Lind: Notes"


def test_a_persons_full_name_before_of_is_a_person_and_her_affiliation() -> None:
    text = "Margaret Olsen Vike of the University of Tarnby has studied harbours for years."
    names = _names(text)
    assert "Margaret Olsen Vike" in names
    assert not any(n.startswith("Margaret Olsen Vike of") for n in names)
    # an organisation's own word before "of" keeps the name whole
    doc = get_nlp()("John Jay College of Criminal Justice hired ten teachers.")
    assert clip_name(doc, 0, 6) == (0, 6)



def test_a_person_name_starts_after_a_word_the_tagger_took_in() -> None:
    """An adverb or a verb opening the sentence, a common noun or an office before the name is no part
    of it; a first name of the offline list is, whatever the tagger calls it ("Will")."""
    from saidwhat.analysis.pipeline import analyze_text

    def people(text: str) -> list[str]:
        return [a.name for a in analyze_text(text).actors if a.kind == "person" and a.name[:1].isupper()]

    assert people("Entrusting Donald Brenner with the budget was a mistake, the mayor said. “It was,” "
                  "Brenner said.") == ["Donald Brenner"]
    assert people("Billionaire Donald Brenner said on Monday that he would build a pier.") \
        == ["Donald Brenner"]
    assert people("Rabbi David Morgan said the speech was a disgrace.") == ["David Morgan"]
    assert people("Comedian David Morgan said the crowd should vote early.") == ["David Morgan"]
    assert people("Will Tarrant said the pier was a bad idea.") == ["Will Tarrant"]


def test_a_name_that_ends_as_an_organisations_is_no_person() -> None:
    """A name tagged a person, or a speaker's name the tagger missed, that ends with an organisation's
    word ("Watch", "House") is an organisation, unless it begins with a listed first name; so is such
    a word alone ("State said")."""
    from saidwhat.analysis.pipeline import analyze_text

    def kinds(text: str) -> dict[str, str]:
        return {a.name: a.kind for a in analyze_text(text).actors}

    assert kinds("Coastal Watch said the harbour levy was a mistake.") == {"Coastal Watch": "organization"}
    assert kinds("The Obama White House said the levy was a mistake.") \
        == {"Obama White House": "organization"}
    assert kinds("Margaret Court said the harbour levy was a mistake.") == {"Margaret Court": "person"}
    assert kinds("The agency had released a tenth of the files. State initially said it would release "
                 "all of them by January.").get("State") == "organization"  # the State Department


def test_a_name_never_ends_with_a_quotation_mark() -> None:
    """Two apostrophes open a quote right after the name, and the tagger took them into it."""
    text = ("In the debate, Helen Marsh suggested that Donald Trump ''doesn't want the voters to see "
            "his taxes.'' Trump has refused to release them.")
    names = _names(text)
    assert "Donald Trump" in names
    assert not any("'" in n or '"' in n for n in names)


def test_a_plural_the_name_modifies_is_no_role_of_the_person() -> None:
    """"Clinton aides", "Trump supporters" are other people: no role of Hillary Clinton's or Donald
    Trump's; a singular role noun above the name still is ("China's ambassador … Zhang Jun")."""
    text = ("Hillary Clinton spoke in Ohio on Monday. Clinton aides said the plan was ready. Donald Trump "
            "held a rally. Trump supporters cheered. China's ambassador to the United Nations Zhang Jun "
            "said the report was false.")
    actors = {a.name: a for a in resolve_actors(get_nlp()(text), []).actors}
    assert actors["Hillary Clinton"].role is None and actors["Donald Trump"].role is None
    assert actors["Zhang Jun"].role == "ambassador"


def test_the_actor_stage_knows_the_quotation_marks_the_attribution_stage_knows() -> None:
    """The actors' copy of the quotation tokens (an import would be circular) stays the same set."""
    from saidwhat.analysis.actors.filters import _QUOTE_TOKENS
    from saidwhat.analysis.attribution.quotes import AMBIGUOUS, CLOSE, OPEN

    assert _QUOTE_TOKENS == OPEN | CLOSE | AMBIGUOUS


def test_a_nickname_in_quotation_marks_is_part_of_one_persons_name() -> None:
    """'John “Tig” Tiegen': the tagger split the name and typed "Tiegen" an organisation each time."""
    from saidwhat.analysis.actors import resolve_actors
    from saidwhat.analysis.nlp import get_nlp

    text = ("Former operative and Marine John “Tig” Tiegen found both issues disqualifying. "
            "Tiegen was also troubled by the emails.")
    res = resolve_actors(get_nlp()(text), [])
    person = next(a for a in res.actors if a.name == "John Tiegen")
    assert person.kind == "person"
    assert any(text[s:e] == "Tiegen" and s > text.index("found") for s, e in person.mentions)


def test_a_capitalised_headline_link_word_ends_a_persons_name() -> None:
    """"Kari Woods Defends Peter Lund Amid Budget Controversies", tagged one person: the person is
    "Peter Lund", not "Peter Lund Amid Budget Controversies"."""
    text = "Kari Woods Defends Peter Lund Amid Budget Controversies.\n\nLund said he was fine."
    start = text.index("Peter")
    names = [m.text for m in find_mentions(get_nlp()(text), [(start, text.index("."))])]
    assert "Peter Lund" in names and not any("Amid" in n for n in names)


def test_a_straight_mark_closes_a_curly_quotation() -> None:
    """"“promote the changes," the Sentinel reported": the text after a straight closing mark is
    outside the quotation a curly mark opened (the paper is no one a quote speaks of)."""
    text = 'She pledged to “promote the changes," the Sentinel reported. “We will act," she said.'
    assert not in_quotes(text, text.index("the Sentinel"))
    assert in_quotes(text, text.index("changes"))
    assert in_quotes(text, text.index("We will"))
    curly = "She said “we will win” and then “the Sentinel"
    assert in_quotes(curly, curly.index("the Sentinel"))


def test_a_first_and_last_name_after_a_role_noun_is_a_person() -> None:
    """"Former Hewlett-Packard CEO Carly Lunde", tagged an organisation: a person, who later speaks."""
    text = ("They are counting them out: Former Hewlett-Packard CEO Carly Lunde, former Arkansas governor "
            "Mike Huckabee and others. Lunde, speaking to Iowans, said, \"Last time I looked, you had not "
            "started voting yet.\"")
    art = analyze_text(text)
    lunde = [a for a in art.actors if "Lunde" in a.name]
    assert [(a.name, a.kind) for a in lunde] == [("Carly Lunde", "person")]


def test_a_place_does_not_take_the_acronym_of_another_initial_after_it() -> None:
    """"Citizens for Fair Elections in Oslo (CFEO)": the tagger cut the name at the place, whose
    acronym CFEO is not (nor is the agency of a dateline, "WASHINGTON (AFP)"); "the United Arab
    Emirates (UAE)" still defines one."""
    text = ("The watchdog group Citizens for Fair Elections in Oslo (CFEO) filed a complaint on Monday. "
            "“This is a scandal,” CFEO said.")
    assert [a.name for a in analyze_text(text).actors if "CFEO" in [a.name, *a.aliases]] == ["CFEO"]
    text = ("The complaint came from Voters for Clean Government in Washington (VCG). “This is a "
            "scandal,” VCG said in a statement.")
    assert [a.name for a in analyze_text(text).actors if "VCG" in [a.name, *a.aliases]] == [
        "Voters for Clean Government"]
    text = "The United Arab Emirates (UAE) announced a deal. “We welcome it,” the UAE said."
    assert [a.name for a in analyze_text(text).actors if "UAE" in a.aliases] == ["United Arab Emirates"]


def test_a_verb_of_saying_before_a_name_and_its_quotation_is_no_part_of_the_name() -> None:
    """"Said Lund, “…”" opens an inverted attribution: no actor "Said Lund" beside Kari Lund; "Said
    Jalili, the negotiator, said …" is a name."""
    text = ('FBI Director Kari Lund spoke on Tuesday. The bureau made a mistake, Lund has said. Said Lund, '
            '"The thought that an error on our part is connected to this is very painful to us."')
    assert [a.name for a in analyze_text(text).actors] == ["Kari Lund"]
    text = "Iran has a new negotiator. Said Jalili, the negotiator, said the talks failed."
    assert "Said Jalili" in [a.name for a in analyze_text(text).actors]


def test_a_closing_quotation_mark_glued_to_a_name_is_a_token_of_its_own() -> None:
    """"… the paranoia,”Lund said": the name after the glued mark is Lund, who speaks, not an actor
    "paranoia,”Lund"."""
    doc = get_nlp()("They traffic in prejudice and paranoia,”Lund said.")
    assert [t.text for t in doc][5:9] == ["paranoia", ",", "”", "Lund"]
    text = "Kari Lund spoke in Oslo.\n\n“They traffic in prejudice and paranoia,”Lund said."
    art = analyze_text(text)
    assert [a.name for a in art.actors] == ["Kari Lund"]
    assert _speaker_of(art, "They traffic") == "Kari Lund"


def test_a_body_acronym_ends_the_name_before_it() -> None:
    """"Our Principles PAC said": the name is Our Principles PAC, not "PAC", which would join every
    article's PAC in the store."""
    text = "“The mayor is a fraud,” Our Principles PAC said in a statement on Monday."
    assert [a.name for a in analyze_text(text).actors] == ["Our Principles PAC"]


def test_a_surname_with_a_capital_inside_is_a_name() -> None:
    """"Mr. McDonough suggested …": a name with a capital inside (McDonough, DeSantis) is a mention
    of the person named in full before, and his later "he added" is his."""
    text = ("\"We have to look around the corner,\" said Robert McDonough, a senior executive at the "
            "firm.\n\n"
            "Bridging that gap means cutting costs wherever savings can be found, as Mr. McDonough suggested "
            "at the meeting with analysts.\n\n"
            "Still he rejected the notion that pressure from investors had prompted the move. \"This was a "
            "really tough decision,\" he said.")
    doc = get_nlp()(text)
    mentions = [m.text for m in find_mentions(doc, [])]
    assert mentions.count("McDonough") + mentions.count("Mr. McDonough") == 1
    assert _speaker_of(analyze_text(text), "This was a really tough") == "Robert McDonough"


def test_only_surname_prefixes_make_a_capital_inside_a_name() -> None:
    doc = get_nlp()("McDonough DeSantis LeVell MacDougall WeWork YouTube PayPal")
    assert [name_cased(t) for t in doc] == [True, True, True, True, False, False, False]


def test_an_office_name_does_not_take_the_first_name_of_the_person_after_it() -> None:
    """"White House Chief of Staff Denis McDonough": the office's name stops before "Denis", so he is
    a mention of his own, and "McDonough" later joins him (not a she named after him)."""
    text = ("In a message released Friday, White House Chief of Staff Denis McDonough heaps praise on Pat "
            "Kennedy.\n\n\"Pat Kennedy is the greatest!!!\" McDonough wrote in an email. McDonough was "
            "responding to a message from Undersecretary Wendy Sherman. \"The plane is up,\" she wrote.")
    assert "Denis McDonough" in _names(text)
    assert _speaker_of(analyze_text(text), "The plane is up") == "Wendy Sherman"


def test_a_person_after_an_office_title_is_the_speaker() -> None:
    """"The union will likely sit out the election, UMWA Director of Government Affairs Phil Smith told
    reporters": Phil Smith speaks, not the office his title names."""
    text = ("The union will likely sit out the election altogether, UMWA Director of Government Affairs "
            "Phil Smith told reporters earlier this week.")
    assert _speaker_of(analyze_text(text), "The union will likely") == "Phil Smith"


def test_a_headline_the_recognizer_took_for_one_name_ends_before_its_verb() -> None:
    """"Dayton Mall Shooting Survivors Explain Why Kessler Offers Needed Change": a title-case line
    the recognizer takes for one organisation is a headline; the name ends before "Explain", so no
    actor is named by the whole line. A name that runs over a verb inside a sentence is left alone."""
    headline = "Dayton Mall Shooting Survivors Explain Why Kessler Offers Needed Change"
    doc = get_nlp()(headline + "\n\nThe survivors met on Monday.")
    assert [e.text for e in doc.ents][0] == "Dayton Mall Shooting Survivors"
    text = headline + "\n\n“He listened to us,” said Dana Ruiz, who lost her home in the flood."
    assert not any("Explain" in n or "Offers" in n for n in _names(text))
    doc = get_nlp()(headline + " for the city, the board wrote.")  # not a whole line: left alone
    assert "Dayton Mall Shooting Survivors" not in [e.text for e in doc.ents]
