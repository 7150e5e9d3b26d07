"""Text signed on the line after it (``attribution/signed.py``): embedded posts, reader reviews,
round-up excerpts. Every text here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis.attribution.signed import signed_blocks
from saidwhat.analysis.pipeline import analyze_text

POST = (
    "The harbour board met on Monday to set new ferry fares.\n\n"
    "The mayor posted her reply within the hour.\n\n"
    "Fares stay frozen for students and pensioners\n\n"
    "Everyone else pays ten cents more from June pic.twitter.com/AbC123\n\n"
    "— Ana Ruiz (@anaruiz) May 3, 2024\n\n"
    "The board will meet again in July."
)
REVIEWS = (
    "Readers of the guide wrote in after the festival.\n\n"
    "“The night market was the best part of the trip, and the dumplings were worth the queue.”\n\n"
    "– Lee**\n\n"
    "“Too crowded after nine, but the lanterns were lovely.”\n\n"
    "– Sam Kato\n"
)
ROUNDUP = (
    "Critics have had a week with the new tablet. Here is what they say:\n\n"
    "The screen is the best we have seen on a tablet at this price, bright and sharp even outdoors.\n\n"
    "[ Harbor Tech ]\n\n"
    "Battery Life Is The Weak Point\n\n"
    "Battery life fell short of the maker's claims in our tests, by almost three hours.\n\n"
    "[ Gadget Weekly ]\n"
)
FACT_CHECK = (
    "Here are the claims we checked from Tuesday's debate over the harbour levy.\n\n"
    "Councillor Brandt opposed the levy in 2019 and voted for the budget.\n\n"
    "\"The levy has doubled the cost of a ferry ticket since it began.\"\n\n"
    "- Nordvik.\n\n"
    "Fares rose by 40 percent, not 100, according to the harbour board's accounts.\n\n"
    "\"I will publish the harbour accounts before the next vote.\"\n\n"
    "- Tomas Brandt.\n\n"
    "He has not yet done so.\n"
)


def _blocks(text: str) -> list[tuple[str, list[str], str]]:
    """(name, parts, cue) of every signed block of ``text``."""
    return [(text[b.name[0]:b.name[1]], [text[s:e] for s, e in b.parts], text[b.cue[0]:b.cue[1]])
            for b in signed_blocks(text)]


def test_a_post_is_its_lines_before_the_signature_without_links() -> None:
    assert _blocks(POST) == [("Ana Ruiz", ["Fares stay frozen for students and pensioners",
                                          "Everyone else pays ten cents more from June"], "—")]


def test_a_post_of_a_picture_alone_is_no_quote() -> None:
    assert _blocks("The mayor replied.\n\npic.twitter.com/AbC123\n\n— Ana Ruiz (@anaruiz) May 3, 2024") == []


def test_a_shared_headline_is_no_quote() -> None:
    share = ("Ferry fares frozen for students https://t.co/Ab12 by @anaruiz pic.twitter.com/Cd34\n\n"
             "— Harbour Daily (@harbourdaily) May 3, 2024")
    assert _blocks(share) == []
    assert _blocks(share.replace("by @anaruiz", "and a welcome change")) != []


def test_a_quotation_signed_on_the_next_line() -> None:
    assert [(n, c) for n, _, c in _blocks(REVIEWS)] == [("Lee**", "–"), ("Sam Kato", "–")]
    assert _blocks(REVIEWS)[1][1] == ["“Too crowded after nine, but the lanterns were lovely.”"]


def test_a_pull_quote_repeating_the_body_is_no_quote() -> None:
    page = ("“The night market was the best part of the trip,” Lee Kato said after the festival.\n\n"
            "“The night market was the best part of the trip.”\n\n– Lee Kato\n")
    assert _blocks(page) == []


def test_a_dash_and_a_name_after_prose_sign_nothing() -> None:
    assert _blocks("The ferries will run later from May, the board said.\n\n– Lee Kato\n") == []


def test_a_fact_checks_hyphen_and_full_stop_sign_the_quotation_above() -> None:
    assert [(n, c) for n, _, c in _blocks(FACT_CHECK)] == [("Nordvik", "-"), ("Tomas Brandt", "-")]
    # an abbreviation's full stop is the name's; a hyphen with no space after it signs nothing
    quotation = "“The levy has doubled the cost of a ticket.”\n\n"
    assert _blocks(quotation + "- Tomas Brandt Jr.")[0][0] == "Tomas Brandt Jr."
    assert _blocks(quotation + "-Nordvik.") == []
    # a byline after prose signs nothing
    assert _blocks("Fares rose by 40 percent, the board said.\n\n- Ana Ruiz.\n") == []


def test_a_fact_checks_signature_outranks_the_taggers_guess_from_the_paragraph_before() -> None:
    out = analyze_text(FACT_CHECK, min_confidence=0.35)
    speakers = {FACT_CHECK[q.content[0][0]:q.content[0][1]][1:10]: out.actor(q.speaker.actor)
                for q in out.quotes}
    assert speakers["The levy "] is not None and speakers["The levy "].name == "Nordvik"
    assert speakers["I will pu"] is not None and speakers["I will pu"].name == "Tomas Brandt"


def test_roundup_excerpts_are_the_paragraph_before_each_outlet() -> None:
    assert _blocks(ROUNDUP) == [
        ("Harbor Tech", ["The screen is the best we have seen on a tablet at this price, bright and sharp "
                         "even outdoors."], "["),
        ("Gadget Weekly", ["Battery life fell short of the maker's claims in our tests, by almost "
                           "three hours."], "["),
    ]


def test_one_bracketed_name_or_bracketed_labels_sign_nothing() -> None:
    one = ROUNDUP.split("[ Harbor Tech ]")[1]
    assert _blocks(one) == []
    labels = "The mayor spoke at the pier on Monday evening.\n\n[ Video ]\n\nShe left at nine.\n\n[ Video ]\n"
    assert _blocks(labels) == []


def test_signed_quotes_reach_the_user_with_their_signer() -> None:
    # the actor stage keeps a masked name's letters ("Lee**" is spoken by "Lee")
    for text, speakers in ((POST, {"Ana Ruiz"}), (REVIEWS, {"Lee", "Sam Kato"}),
                           (ROUNDUP, {"Harbor Tech", "Gadget Weekly"})):
        out = analyze_text(text, min_confidence=0.35)
        names = {text[q.speaker.mention[0][0]:q.speaker.mention[-1][1]] for q in out.quotes
                 if q.cue and text[q.cue[0][0]:q.cue[0][1]] in ("—", "–", "[")}
        assert names == speakers, text
