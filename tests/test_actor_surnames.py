"""People of one article who share a surname (``analysis.actors.surnames``): each rule on a small text."""

from __future__ import annotations

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import Actor


def actor_at(text: str, surface: str, nth: int = 0) -> Actor | None:
    res = resolve_actors(get_nlp()(text), [])
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    return next((a for a in res.actors if any(s <= pos < e for s, e in a.mentions)), None)


def name_of(text: str, surface: str, nth: int = 0) -> str | None:
    a = actor_at(text, surface, nth)
    return a.name if a else None


def test_title_gender_picks_the_bearer() -> None:
    text = ("Bill Clinton has faced scrutiny. Hillary Clinton is shaping his role. "
            "Mrs. Clinton told voters that Mr. Clinton would be in charge.")
    assert name_of(text, "Clinton told") == "Hillary Clinton"
    assert name_of(text, "Clinton would") == "Bill Clinton"


def test_title_gender_blocks_the_only_bearer() -> None:
    """"Mrs. Clinton" does not join Bill Clinton when he is the only Clinton named so far."""
    text = "Bill Clinton spoke first. Mrs. Clinton then thanked the crowd."
    assert name_of(text, "Clinton then") != "Bill Clinton"


def test_pronoun_after_the_surname() -> None:
    """The pronoun outweighs both the nearest bearer and the one already called "Clinton"."""
    text = ("Hillary Clinton spoke first. Clinton thanked donors. Bill Clinton listened. "
            "Hillary Clinton waved. Clinton praised the nominee, and his words drew applause.")
    assert name_of(text, "Clinton praised") == "Bill Clinton"


def test_pronoun_after_a_name_of_its_gender_says_nothing() -> None:
    """"Trump said Clinton's plan would hurt her": "her" is Clinton's, no evidence for "Trump"."""
    text = ("Ivanka Trump spoke on Monday. Donald Trump spoke on Tuesday. "
            "Trump said Hillary Clinton's plan would hurt her.")
    assert name_of(text, "Trump said") == "Donald Trump"  # the nearest, not the woman


def test_nearest_named_bearer() -> None:
    text = ("Donald Trump has promised gifts. Trump spoke in Ohio. Eric Trump called last week. "
            "Trump said the money came from his own pocket.")
    assert name_of(text, "Trump said") == "Eric Trump"  # not the one already called "Trump"
    text = ("Eric Trump called last week. Donald Trump has promised gifts. "
            "Trump said the money went to charity.")
    assert name_of(text, "Trump said") == "Donald Trump"


def test_first_name_gender_blocks_joining_a_he() -> None:
    """A bare "Trump" called "he" is not Ivanka Trump when she is named later."""
    text = ("Trump said he would win. Trump added he was sure. "
            "Ivanka Trump said she was proud of her father.")
    trump = actor_at(text, "Trump said")
    ivanka = actor_at(text, "Ivanka Trump")
    assert trump is not None and ivanka is not None and trump is not ivanka


def test_headline_surname_moves_to_the_most_named_bearer() -> None:
    text = ("Clinton hints at husband's role\n\nBill Clinton has faced scrutiny. Hillary Clinton spoke "
            "in Kentucky. Hillary Clinton said the economy needs help. Hillary Clinton smiled.")
    assert name_of(text, "Clinton hints") == "Hillary Clinton"


def test_first_name_the_tagger_missed() -> None:
    text = "Donald Trump spoke first. Ivanka Trump said she wants paid leave. Trump declined to comment."
    assert name_of(text, "Ivanka Trump") == "Ivanka Trump"
    assert actor_at(text, "Ivanka Trump") is not actor_at(text, "Donald Trump")


def test_possessor_of_a_gender_noun_keeps_his_gender() -> None:
    """"Donald Trump's eldest daughter": the daughter's gender is not Donald Trump's."""
    text = ("Donald Trump's eldest daughter has built her brand. She said the company helps mothers. "
            "Donald Trump said he agrees.")
    assert name_of(text, "he agrees") == "Donald Trump"


def test_title_before_a_surname_is_no_shared_first_name() -> None:
    """"Mr. Trump and Bill Clinton": "Trump" is no first name of a "Trump Clinton"."""
    text = ("Donald Trump once praised Bill Clinton. The friendship between Mr. Trump and Bill Clinton "
            "ended this week.")
    assert name_of(text, "Trump and") == "Donald Trump"


def test_a_surname_far_from_the_last_bearer_is_the_most_named() -> None:
    """A campaign story's "Trump" a paragraph after his daughter's is Donald Trump."""
    text = ("Donald Trump spoke in Ohio. Trump said the race was close. Trump praised the crowd. "
            "Donald Trump left early.\n\nIvanka Trump could be a bridge to women voters. She has defended "
            "her father. She runs a clothing brand. She is writing a book.\n\nThe Clinton campaign is "
            "trying to make Trump's outreach to women harder.")
    assert name_of(text, "Trump's outreach") == "Donald Trump"


def test_a_long_quote_is_one_step_back() -> None:
    """Sentences inside one quotation count as one: the bearer named before the quote is still near."""
    text = ("Eric Trump spoke on Monday. Eric Trump said the race was unfair. Eric Trump smiled.\n\n"
            "Donald Trump criticized Clinton at a rally. “She is a joke. She knows nothing about trade. "
            "She knows nothing about business. She is weak,” Trump said.")
    assert name_of(text, "Trump said", 1) == "Donald Trump"


def test_a_name_inside_a_quote_does_not_take_the_pronoun_after_it() -> None:
    """"“Donald Trump will go after her,” he added": the quoted name is the speaker's word, not the
    antecedent of the "he" outside the quotation marks."""
    text = ("Donald Trump spoke on Sunday. Eric Trump spoke on Monday.\n\n"
            "“Donald Trump will go after her,” he added.")
    assert name_of(text, "he added") == "Eric Trump"


def test_the_subject_of_the_pronouns_sentence_goes_first() -> None:
    text = ("Donald Trump stayed in New York. Trump said nothing on Twitter. New Jersey Gov. Chris "
            "Christie, a staunch Donald Trump ally, acknowledged some plagiarism even as he defended "
            "the campaign.")
    assert name_of(text, "he defended") == "Chris Christie"


def test_a_surname_in_the_plural_is_the_family_not_the_person() -> None:
    """"The Khans" is a family, a group of its own, whatever the tagger labels it (PERSON here,
    ORG or GPE for "The Ebelings", "The Kochs"); the misspelling rule joined it to Khizr Khan."""
    text = "Khizr Khan spoke at the convention. The Khans said the attacks were unfair."
    family = actor_at(text, "Khans")
    assert family is not None and family.kind == "group" and family.name == "the Khans"
    assert name_of(text, "Khizr") == "Khizr Khan"
    text = "Betsy Ebeling is an old friend. The Ebelings said they hoped to see Clinton."
    family = actor_at(text, "Ebelings")
    assert family is not None and family.kind == "group"
    assert name_of(text, "Betsy") == "Betsy Ebeling"


def test_a_plural_name_without_a_person_of_that_surname_is_no_family() -> None:
    family = actor_at("Ann Wirth read it. The Times said it would appeal the ruling.", "Times")
    assert family is not None and family.kind == "organization"


def test_a_generational_suffix_is_no_surname() -> None:
    """"Mr. Downey" is Robert Downey Jr.; "Donald Jr." is not Donald Trump, nor the other way."""
    text = "Robert Downey Jr. spoke on Monday. Mr. Downey said the film was done."
    assert name_of(text, "Downey said") == "Robert Downey Jr."
    text = ("Donald Trump spoke on Monday. His son Donald Trump Jr. spoke on Tuesday. Donald Trump said the "
            "crowd was big. Donald Trump Jr. said it was bigger.")
    assert name_of(text, "Donald Trump said") == "Donald Trump"
    assert name_of(text, "Donald Trump Jr. said") == "Donald Trump Jr."
    text = "Donald J. Trump spoke on Monday. His son Donald Jr. said the crowd was big."
    assert name_of(text, "Donald Jr.") != "Donald J. Trump"


def test_the_honorific_form_a_paper_keeps_for_one_bearer() -> None:
    """"Mrs. Clinton" again after Chelsea Clinton is named: the one already called "Mrs. Clinton"."""
    text = ("Hillary Clinton spoke in Ohio. Mrs. Clinton said the economy was weak. An ambassador wrote "
            "to Mrs. Clinton about a visit by Chelsea Clinton and her husband. Mrs. Clinton replied "
            "that she was pleased.")
    assert name_of(text, "Clinton replied") == "Hillary Clinton"
    text = ("Hillary Clinton spoke in Ohio. Mrs. Clinton said the economy was weak. Chelsea Clinton "
            "visited Kyiv. Ms. Clinton said she was pleased.")
    assert name_of(text, "Clinton said she") == "Chelsea Clinton"  # no form to go by: the nearest


def test_a_headline_surname_joins_the_suffixed_full_name_that_follows() -> None:
    text = ("Berg calls plan a risk.\n\nVice President Anna K. Berg Jr. spoke in Oslo on Monday. "
            "Mrs. Berg said it.")
    assert name_of(text, "Berg calls") == "Anna K. Berg Jr."


def test_a_sign_off_dash_is_no_part_of_the_name() -> None:
    """"-Nate Cohn", a live blog's sign-off (one word "-Nate" to the tokenizer): "Nate" is his first
    name, so "Cohn" is no misspelling of Jon Cohen's surname, and no name begins with the dash."""
    text = ("Jon Cohen, a pollster, said the race was close. \"It is tight,\" Cohen said.\n\n"
            "-Nate Cohn wrote that the race was over. \"It is over,\" Cohn said.\n\n"
            "-Craig Fehrman explains why the primary is odd.")
    assert name_of(text, "Cohn said") == "Nate Cohn"
    assert name_of(text, "Cohen said") == "Jon Cohen"
    assert name_of(text, "Craig Fehrman") == "Craig Fehrman"


def test_a_surname_particle_the_tagger_left_out_is_part_of_the_name() -> None:
    """"de Blasio tweeted", untagged, and "von der Leyen", whose "Leyen" the tagger calls a place, are
    the person named in full before; "Hijos de Trump" keeps its capitalised word and is not "de Trump"."""
    blasio = "Mayor Bill de Blasio spoke on Monday. If Sanders would debate on April 14, de Blasio tweeted."
    assert name_of(blasio, "Blasio tweeted") == "Bill de Blasio"
    leyen = 'Ursula von der Leyen spoke. "We will act," von der Leyen said.'
    found = actor_at(leyen, "Leyen said")
    assert found is not None and (found.name, found.kind) == ("Ursula von der Leyen", "person")
    assert name_of("Donald Trump spoke. The band Hijos de Trump played on.", "Trump played") != "de Trump"


def test_a_namesake_named_in_passing_is_no_antecedent_of_a_bare_surname() -> None:
    """"… a teacher's aide, Anne Marie Murphy, who was gunned down …” … Murphy said": the senator the
    article is about, not the aide named in apposition or inside his quote."""
    text = ("Sen. Chris Murphy spent 15 hours on the Senate floor in June. Murphy sent his family home after "
            "the shooting, and Murphy has talked about it ever since.\n\n"
            "He was joined by senators delivering a tribute to a teacher's aide, Anne Marie Murphy, who was "
            "gunned down trying to protect a boy.\n\n"
            "“It doesn't take courage to stand here on the floor for 14 hours,” Murphy said. “If Anne Marie "
            "Murphy could do that, then ask yourself what you can do.”\n\n"
            "Murphy has an ally in Hillary Clinton. “A lot of people predicted that this issue was going to "
            "disappear,” added Murphy.")
    art = analyze_text(text)
    assert speaker_name(art, "It doesn't take courage") == "Chris Murphy"
    assert speaker_name(art, "A lot of people predicted") == "Chris Murphy"
    # the apposition's title before the name ("her husband, former President Bill Lund") changes nothing
    text = ("Kari Lund spoke to the hosts of the morning show on Monday. Lund said she knew the businessman "
            "well.\n\nLund and her husband, former President Bill Lund, attended his wedding in 2005.\n\n"
            "“I think it is most surprising to me to see him traffic in prejudice,” Lund said.")
    assert speaker_name(analyze_text(text), "I think it is most") == "Kari Lund"


def test_team_and_a_surname_is_a_campaign_not_a_bearer_of_the_surname() -> None:
    """"Team Clinton's contention" names the campaign; the article's bare "Clinton" stays Hillary
    Clinton's."""
    text = ("Hillary Clinton will debate Bernie Sanders tonight. Sanders must prove that Team Clinton’s "
            "contention that he ran well only in white states is wrong.\n\n"
            "Last week Clinton accused him of an “artful smear” over her fundraising practices.")
    art = analyze_text(text)
    assert not any(a.kind == "person" and a.name.startswith("Team") for a in art.actors)
    assert speaker_name(art, "artful smear") == "Hillary Clinton"


def test_a_relative_named_by_first_name_bears_the_surname() -> None:
    """"Clinton's husband, Bill," is Bill Clinton: the bare surname before "he" is his, not hers."""
    text = ("Anna Lund campaigned in Hudson on Monday.\n\n"
            "Lund's husband, Erik, hurled the kitchen sink at Dahl in a speech Sunday.\n\n"
            "At day's end, however, Lund said as he introduced his wife in Hudson, "
            "\"Finally, the dam broke.\"")
    assert name_of(text, "Erik") == "Erik Lund"
    assert speaker_name(analyze_text(text), "Finally, the dam") == "Erik Lund"


def test_a_relative_named_in_passing_does_not_take_the_bare_surname() -> None:
    """"Mark Barden's son, Daniel, was one of 20 students killed … Barden says": the father, not the
    son named in passing beside him."""
    text = ("A father whose son was killed at the school is introducing the mayor's speech.\n\n"
            "Erik Lund's son, Jonas, was one of 20 students killed at the school three years ago.\n\n"
            "Lund now helps lead a program called Safe Schools. Other parents also take part in the "
            "group.\n\n"
            "In the three years since the shootings, Lund says, far too many lives have been lost.")
    assert name_of(text, "Jonas") == "Jonas Lund"
    assert speaker_name(analyze_text(text), "far too many lives") == "Erik Lund"


def test_a_bearer_named_only_as_someone_s_relative_is_not_the_antecedent() -> None:
    """"Tony Berg, is the brother of longtime strategist John Berg, who … Berg, who said …": John is
    named only as Tony's brother; the bare surname after is Tony's (even when the tagger reads it as
    the firm that bears the name)."""
    text = ("The nonprofit hired the Berg Group in 2012. The founder and chairman of the Berg Group, Tony "
            "Berg, is the brother of longtime Democratic strategist John Berg, who now runs the campaign.\n\n"
            "Three former employees said disagreements broke out over the contract. Berg, who said the "
            "project was vetted by his firm's counsel, denied that.")
    assert name_of(text, "Berg, who said") == "Tony Berg"
