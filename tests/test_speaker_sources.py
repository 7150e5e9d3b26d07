"""Which words of a sentence are a quote's source (session 22, from PolNeAR train quotes whose
speaker was one of the corpus's most quoted people): each rule on a text of its own."""

from __future__ import annotations

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors.resolve.naming import _under_modifier
from saidwhat.analysis.attribution import Attribution
from saidwhat.analysis.attribution.speaker.groups import name_and_others
from saidwhat.analysis.attribution.speaker.sources import _clause_owner
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import AnalyzedArticle

_speaker = speaker_name  # tests/quote_texts.py


def _token(doc, text):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_a_name_in_a_modifier_of_the_source_is_not_the_source() -> None:
    """"One pastor supporting Mr. Cruz, Darran Whiting of …, said he had made more than 150 phone
    calls": the pastor speaks, not Cruz (PolNeAR train, where the quote went to Cruz)."""
    doc = get_nlp()("One pastor supporting Mr. Lund said he had made more than 150 phone calls.")
    assert _under_modifier(_token(doc, "Lund"), _token(doc, "pastor"))
    doc = get_nlp()("A spokesman, Ola Berg, said the talks had failed.")
    assert not _under_modifier(_token(doc, "Berg"), _token(doc, "spokesman"))
    doc = get_nlp()("A survey conducted by the analyst Elena Berg found that most voters agree.")
    assert not _under_modifier(_token(doc, "Berg"), _token(doc, "survey"))
    doc = get_nlp()("The wife of Ola Berg said the marriage had ended.")
    assert _under_modifier(_token(doc, "Berg"), _token(doc, "wife"))
    text = ("Kari Lund has spent weeks courting pastors in the state.\n\n"
            "One pastor supporting Ms. Lund, Darran Whiting of Liberty Baptist Church in Marion, said he had "
            "made more than 150 phone calls to other pastors.")
    assert _speaker(analyze_text(text), "he had made") != "Kari Lund"


def test_a_source_right_after_its_closing_mark_is_the_cues_subject() -> None:
    """"“Very good reporter …,” Trump, the 2016 GOP presidential frontrunner …, said when Boyle asked
    him a question": the parser hangs Trump on the quoted words, and Boyle, subject of the "when"
    clause, had won."""
    text = ("Ola Berg praised the reporter Per Moe at a press conference in Bergen on Monday.\n\n"
            "“Very good reporter, very good reporter this guy,” Berg, the party's frontrunner nationally "
            "and current polling leader in Hordaland by a wide margin after winning the first primaries, "
            "said when Moe asked him a question.")
    assert _speaker(analyze_text(text), "Very good reporter") == "Ola Berg"


def test_a_bare_singular_noun_joined_to_a_name_describes_the_person() -> None:
    """"Trump, the frontrunner nationally and current polling leader": one person, not a group;
    "Lund and his supporters" stays a group."""
    doc = get_nlp()("Berg, the party's frontrunner nationally and current polling leader in Hordaland, "
                    "said so.")
    assert not name_and_others(doc[0:14])
    doc = get_nlp()("Kari Lund and her supporters said the vote was rigged.")
    assert name_and_others(doc[0:5])


def test_an_owner_cut_from_its_noun_at_the_end_of_a_source_is_not_the_source() -> None:
    """"…,” added Murphy, referring to the recent spate of killings — and Obama’s recent campaign …":
    the source span the tagger gave ends at "Obama’s", which had been taken as the speaker."""
    text = ("Ola Berg has made the issue his life's work.\n\n"
            "“A lot of people predicted that this issue was going to disappear for her once the primary "
            "was done, and it hasn't,” added Berg, referring to the recent spate of killings — and "
            "Lund’s recent campaign to tie easy access of automatic weapons to incidents of terrorism.")
    assert _speaker(analyze_text(text), "A lot of people") == "Ola Berg"


def test_the_subject_of_a_sentence_whose_colon_opens_a_quote_speaks_it() -> None:
    """"One early supporter, Representative Lee Zeldin, …, gave the technique a whirl in an interview
    with CNN on Tuesday: ''You can easily argue …''": his, not the speaker of the paragraph before."""
    text = ("Mr. Lund has told his supporters that they should respond by calling reporters biased, and to "
            "carry the message in various forms. One early supporter, Representative Ola Berg, Republican of "
            "Hordaland, gave the technique a whirl in an interview with NRK on Tuesday: ''You can easily "
            "argue "
            "that the president of the council is a racist with his policies and his rhetoric.''")
    assert _speaker(analyze_text(text), "You can easily argue") == "Ola Berg"


def test_here_is_a_person_with_a_colon_introduces_their_quote() -> None:
    """"Here’s Clinton in December 1992: “…”": Clinton's words, though the tagger takes the curly
    apostrophe of "Here’s" for punctuation and the critic was quoted just before."""
    text = ("In his new book, Frank Berg argues that the party turned on its own voters.\n"
            "“Toil hopelessly or go to prison,” Berg writes. “That is life at the bottom, thanks to Bill "
            "Lund.”\n"
            "Lund defenders today argue that this was the best anyone could have done amid the opposition he "
            "faced. But Berg teases out an elitist ideology underpinning the era, laying bare its roots in "
            "earlier party trends. \n"
            "Here’s Lund in December 1992:\u00a0“Our new direction must rest on an understanding of the new "
            "realities of global competition. The world we face today is the world where what you earn "
            "depends on what you can learn.”\nThis was the creed of a generation.")
    assert _speaker(analyze_text(text), "Our new direction") == "Bill Lund"


def test_an_as_clause_inside_a_that_clause_is_no_cue_of_it() -> None:
    """"assured the crowd that he doesn't have small hands - as Rubio has said - and …": the words
    are not Rubio's (PolNeAR train, fifth round of judged speakers)."""
    text = ("At the debate, nearly every question put Lund on the defensive. He mocked his rivals and even "
            "assured the crowd that he doesn't have small hands - as Berg has said - and he can "
            "\"guarantee\" other body parts are not small, either.")
    art = analyze_text(text)
    start = text.index("that he doesn't")
    assert not any(art.actor(q.speaker.actor).name.endswith("Berg") for q in art.quotes  # type: ignore[union-attr]
                   if q.speaker.actor and any(s <= start < e for s, e in q.content))


def test_a_gerund_opening_a_sentence_is_no_part_of_a_name() -> None:
    """"Bashing Trump may be job one": the tagger's PERSON "Bashing Trump" is Trump."""
    text = ("Kari Lund has said she will debate.\n\nBashing Lund may be job one, but the spotlight will be "
            "just as bright on Berg.")
    art = analyze_text(text)
    assert not any("Bashing" in a.name for a in art.actors)


def test_a_pronoun_of_a_fronted_clause_is_the_main_subject_after_it() -> None:
    """"Ever since she endorsed Mrs. Clinton this month, Ms. Warren has been a powerful surrogate, …
    to encourage young staffers with a simple message: ''Don't screw this up!''": Warren's."""
    text = ("Kari Lund spoke in Oslo on Monday. Her running mate was not there.\n\n"
            "Ever since she endorsed Mrs. Lund this month, Ms. Berg has been a powerful surrogate, attacking "
            "Mr. Moe and visiting the Lund campaign's headquarters to encourage young staffers with a simple "
            "message: ''Don't screw this up!''")
    assert _speaker(analyze_text(text), "Don't screw") == "Berg"


def test_the_question_of_an_unnamed_asker_is_not_the_words_of_the_person_asked() -> None:
    """"Asked whether Freddy's experience … contributed to the drinking that killed him, Mr. Trump
    said …": the question is no quote of Trump's."""
    text = ("Mr. Lund spoke about his brother for an hour. ''My father had great confidence in me,'' "
            "Mr. Lund said.\n\nAsked whether Freddy's experience in the family business, which friends "
            "described as miserable, contributed to the drinking that ultimately killed him, Mr. Lund said "
            "he did not know.")
    art = analyze_text(text)
    start = text.index("whether Freddy")
    assert not any(q.speaker.actor and any(s <= start < e for s, e in q.content) for q in art.quotes)



def test_a_dateline_is_no_part_of_the_source_that_opens_a_paragraph() -> None:
    """"New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail …, accusing him of
    endangering the lives of US troops": Biden's, not New York's (PolNeAR train)."""
    text = ("Berg, stumping for Lund, trashes Moe.\n\n"
            "Oslo (AFP) – Vice President Ola Berg on Monday hit the campaign trail with Kari Lund for the "
            "first time, trashing Per Moe as unqualified for the office and accusing him of endangering the "
            "lives of Norwegian troops.")
    assert _speaker(analyze_text(text), "him of endangering") == "Ola Berg"


def test_a_source_in_a_relative_clause_that_holds_the_cue_speaks() -> None:
    """"Mr. Obama, who has gotten less credit than aides say he deserves": the aides' words, not
    Obama's; "Anna Berg, who serves in a caretaker government, said" stays Berg's."""
    text = ("Mr. Berg, who has mounted a populist challenge, has drawn huge crowds describing a country "
            "dominated by plutocrats.\n\nSuch negativity from the right and left has exasperated Mr. Lund, "
            "who has gotten less credit than aides say he deserves for the progress of the last seven years. "
            "The only regret he acknowledged was a failed promise to change the tone of Oslo.")
    art = analyze_text(text)
    said = [q for q in art.quotes if [art.span_text(c) for c in q.cue] == ["say"]]
    assert said and all(art.actor(q.speaker.actor).name == "aides" for q in said)  # type: ignore[union-attr]
    text = ("Interior Minister Anna Berg, who serves in a caretaker government of civil servants, said the "
            "vote would go ahead as planned.")
    assert _speaker(analyze_text(text), "the vote would") == "Anna Berg"


def test_an_unnamed_source_set_between_a_subject_and_its_verb_speaks() -> None:
    """"Clinton, a top aide said, “is very confident …”": the aide's words about Clinton; "Lund, a
    former senator, said …" stays Lund's."""
    text = ("Kari Lund has been preparing for the debate for weeks.\n\n"
            "Lund, a top aide said, “is very confident, very confident in the contrast” between her and Moe.")
    art = analyze_text(text)
    assert _speaker(art, "is very confident") == "a top aide"
    text = ("Kari Lund has been preparing for the debate for weeks.\n\n"
            "Lund, a former senator, said, “I am very confident in the contrast” between her and Moe.")
    assert _speaker(analyze_text(text), "I am very confident") == "Kari Lund"


def test_the_subject_of_a_relative_clause_whose_verb_is_the_cue_is_no_clause_owner() -> None:
    """"the North American Free Trade Agreement, which Trump had called the worst trade deal": the
    source Trump is the cue's subject, not the agreement the clause describes."""
    text = "He vowed to leave the Nordic Trade Agreement, which Lund had called the worst trade deal ever."
    doc = get_nlp()(text)
    lund = text.index("Lund")
    called = text.index("had called")
    att = Attribution(content=[(text.index("which"), text.index("which") + 5)], cue=[(called, called + 10)],
                      source=[(lund, lund + 4)], kind="indirect")
    phrase = doc.char_span(lund, lund + 4)
    assert phrase is not None and _clause_owner(phrase, att) is None
    assert _clause_owner(phrase) is not None  # without the cue: the agreement, as for a relative pronoun


def test_the_by_agent_of_a_relative_clause_cue_is_its_source() -> None:
    """"the letter to Lund, which was first reported by The Herald's Kari Berg": Berg reported it,
    not Lund, whom the relative clause describes in the parse."""
    text = ("Dozens of lawmakers signed the letter to Mr. Lund, which was first reported last week by "
            "The Herald's Kari Berg and was organised by Rep. Ola Moe.")
    doc = get_nlp()(text)
    berg = text.index("The Herald's Kari Berg")
    reported = text.index("was first reported")
    which = text.index("which")
    att = Attribution(content=[(which, which + 5)], cue=[(reported, reported + 18)],
                      source=[(berg, berg + 22)], kind="indirect")
    phrase = doc.char_span(berg, berg + 22)
    assert phrase is not None and _clause_owner(phrase, att) is None


def test_a_passive_cue_with_a_by_agent_is_the_agents() -> None:
    """"After Lund refused to rule out a tax, he was criticized by libertarians": the
    libertarians' criticism, not Lund's; "he was quoted by the Herald as saying" stays his."""
    text = ("Kari Lund spoke in Bergen on Monday.\n\nAfter Lund refused to rule out a tax on carbon, he was "
            "criticized by libertarians on social media.")
    art = analyze_text(text)
    criticized = [q for q in art.quotes if "criticized" in " ".join(art.span_text(c) for c in q.cue)]
    assert criticized, art.quotes
    for q in criticized:
        speaker = art.actor(q.speaker.actor)
        assert speaker is not None and "libertarians" in speaker.name


def test_an_impersonal_passive_cue_names_no_speaker() -> None:
    """"Lund came under heavy criticism when it was revealed in March that she had used a personal
    email account": no one named revealed it, least of all Lund; "Shortly after Moe was declared
    the winner in Bergen, Lund told a cheering crowd …": no one named declared it."""
    text = ("Kari Lund came under heavy criticism when it was revealed in March that she had used a personal "
            "email account as minister. Ola Moe took office in February.")
    _no_speaker_named(analyze_text(text), "she had used", "Kari Lund")
    text = ("But Lund was declared the winner in Oslo, and it is clear that she has no plan to get out of "
            "the race. Shortly after Moe was declared the winner in Bergen, Lund told a cheering crowd in "
            "Trondheim that she expects to win that city's primary.")
    _no_speaker_named(analyze_text(text), "Moe was declared", "Lund")


def _no_speaker_named(art: AnalyzedArticle, needle: str, name: str) -> None:
    start = art.text.index(needle)
    for q in art.quotes:
        if any(s <= start < e for s, e in q.content):
            speaker = art.actor(q.speaker.actor)
            assert speaker is None or name not in speaker.name, q


def test_who_after_an_organisation_in_a_persons_apposition_is_the_person() -> None:
    """"said Kari Lund, a senior analyst at Nordbank, who notes that …": Lund notes it, not Nordbank."""
    text = ("Profits at the unit are not under pressure. But that is not good enough, said Kari Lund, a "
            "senior analyst at Jefferies, who notes that Fjord Industries has vowed to cut costs every year.")
    assert speaker_name(analyze_text(text), "Fjord Industries has vowed") == "Kari Lund"


def test_a_title_the_parser_made_a_subject_is_no_source_of_its_own() -> None:
    """"said Army Capt. Christian Moe": the captain speaks, not an organisation "Army Capt"."""
    text = ("Some of those surveyed shared their concerns.\n\n“The candidates just don’t understand the "
            "military,” said Army Capt. Christian Moe, who said he would not vote for either of them.")
    assert speaker_name(analyze_text(text), "The candidates just") == "Christian Moe"


def test_a_report_citing_someone_passes_on_their_words() -> None:
    """"The news organization, citing an anonymous government source, reported that …": the source's
    words; whom it cites is no quote of its own; a document it cites leaves the words the reporter's."""
    text = ("Asian markets were mixed on Tuesday after NRK reported that the mood in Oslo was gloomy. The "
            "news organization, citing an anonymous government source, reported that the minister's "
            "reluctance to cut tariffs was dampening the outlook for the talks.")
    art = analyze_text(text)
    assert _speaker(art, "reluctance to cut tariffs") == "an anonymous government source"
    assert not any(art.span_text(q.content[0]) == "an anonymous government source" for q in art.quotes)
    text = "The Daily Star, citing a police report, reported that the bridge was unsafe."
    assert _speaker(analyze_text(text), "the bridge was unsafe") == "Daily Star"


def test_quoted_as_saying_is_the_words_of_whom_it_quotes() -> None:
    """"CNN quoted an American witness as saying he saw one person in the truck": the witness's words,
    without "an American witness as saying"; "The witness said" is the same witness."""
    text = ("Graphic video and photographs flooded social media.\n\nNRK quoted a Swedish witness as saying "
            "he saw one person in the large white truck and heard gunfire, although it was not clear where "
            "it came from.\n\nThe witness said the driver accelerated as he drove into the crowd.")
    art = analyze_text(text)
    quote = next(q for q in art.quotes if "one person" in art.span_text(q.content[0]))
    assert art.span_text(quote.content[0]).startswith("he saw one person")
    assert _speaker(art, "he saw one person") == "a Swedish witness"
    assert _speaker(art, "the driver accelerated") == "a Swedish witness"


def test_the_second_official_is_not_the_first_one_quoted() -> None:
    """"… the Post reported, quoting an anonymous Republican official. … The Post quoted another
    unnamed official as saying … “…,” said the second official": the second, not the first."""
    text = ("“It just came to a head,” the Post reported, quoting an anonymous Republican official.\n\n"
            "Former Speaker Ola Berg said the change reflects the reality of a campaign.\n\n"
            "The Post quoted another unnamed party official as saying that Lund was not opposed by Holm.\n\n"
            "“What he is saying to operatives is that the critical mass was finally reached,” said the "
            "second official.")
    art = analyze_text(text)
    assert _speaker(art, "It just came to a head") == "an anonymous Republican official"
    assert _speaker(art, "What he is saying") != "an anonymous Republican official"
