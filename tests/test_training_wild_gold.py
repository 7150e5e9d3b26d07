"""Own annotated pages as tagger training data: spans located from the wild-format strings."""

from saidwhat.evaluate.training import wild_gold_attributions

TEXT = ("He said the plan was late. The mayor, Ana Ruiz, said the budget would pass next week.\n\n"
        "“We are ready,” Ruiz told reporters.")


def test_content_cue_and_nearest_speaker_mention_are_located() -> None:
    gold = wild_gold_attributions(TEXT, [
        {"content": ["the budget would pass next week"], "cue": "said", "speaker": "Ana Ruiz",
         "speaker_aliases": ["Ruiz", "The mayor"], "type": "speech"},
        {"content": ["We are ready,"], "cue": "told", "speaker": "Ana Ruiz", "speaker_aliases": ["Ruiz"],
         "type": "speech"},
    ])
    first, second = gold
    assert [TEXT[s:e] for s, e in first.content] == ["the budget would pass next week"]
    assert first.cue == [(TEXT.index("said the budget"), TEXT.index("said the budget") + 4)]  # not "He said"
    assert [TEXT[s:e] for s, e in first.source] == ["Ana Ruiz"]
    assert [TEXT[s:e] for s, e in second.source] == ["Ruiz"]
    assert second.source[0][0] > TEXT.index("\n\n")  # the mention beside the quote, not the first one


def test_content_missing_from_text_is_skipped_and_no_speaker_leaves_no_source() -> None:
    gold = wild_gold_attributions(TEXT, [
        {"content": ["words nobody wrote"], "cue": "said", "speaker": "Ana Ruiz", "type": "speech"},
        {"content": ["the plan was late"], "cue": "said", "speaker": None, "type": "sourceless"},
    ])
    assert len(gold) == 1
    assert gold[0].source == [] and len(gold[0].cue) == 1


def test_a_name_inside_a_longer_word_is_not_a_mention() -> None:
    text = "Ruizdale residents complained. Ruiz said the road was closed."
    gold = wild_gold_attributions(text, [{"content": ["the road was closed"], "cue": "said",
                                          "speaker": "Ruiz", "type": "speech"}])
    assert gold[0].source == [(text.index("Ruiz said"), text.index("Ruiz said") + 4)]
