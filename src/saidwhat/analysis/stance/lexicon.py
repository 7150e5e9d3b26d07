"""Evaluative word lists for stance: hand-made, small, and readable.

``POSITIVE``/``NEGATIVE`` are lemmas that carry praise or criticism of what they are said
about. ``CUE_POSITIVE``/``CUE_NEGATIVE`` are reaction cues whose object receives that polarity
("welcomed the report", "rejected the findings"). Multi-word expressions are matched on
lowercased token lemmas. Words were chosen from general evaluative vocabulary of news and
political speech; none was taken from the evaluation labels.
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """A word list written as a block of text."""
    return frozenset(block.split())


POSITIVE = words("""
glad fighter fight champion inspiring inspire tough healthy fit vigorous
accomplished acclaim admirable admire applaud appreciate authoritative award backing benefit
best bold brave brilliant capable champion clean comprehensive commend competent confident
correct courage courageous credible decent definitive dedicated deserve effective endorse
endorsement excellent exceptional experienced fair faithful fantastic fine good great
groundbreaking hail hero heroic historic honest honor honour hope impressive incredible
important integrity landmark laud leader leadership love loyal magnificent milestone outstanding
praise prepared principled proud qualified reasonable reliable remarkable respect respected
right rigorous smart solid stellar steady strong success successful superb support supportive
talented terrific thank thorough thoughtful tremendous triumph trust trustworthy truthful
valuable victory vindicate vindication visionary welcome win winner wise wonderful worthy
""")

NEGATIVE = words("""
crass desperate desperation fear hide hid secrecy weakness inability obsession ogle demeaning
loophole sleazy shady dodge evade evasion cover-up coverup lawless unpatriotic disqualified
grope misogynist misogyny bankrupt bankruptcy mislead cheat cheating ugly bizarre
absurd abuse abusive accuse accusation alarming appalling arrogant atrocious attack awful bad
baseless betray betrayal bias biased bigot bigoted bigotry blame blast bogus boycott bully
careless catastrophe catastrophic chaos cheat clown collusion con condemn condemnation
conspiracy corrupt corruption coward cowardly crazy crime criminal crisis crook crooked cruel
damage damaging danger dangerous deceive deceitful deceptive decry defame deficient demagogue
demean deny deplorable despicable destroy destructive disastrous disaster disgrace disgraceful
dishonest dismiss disqualify disqualifying distort divisive dumb embarrass embarrassing evil
extreme extremist fail failure fake false falsely fault flawed fool foolish fraud fraudulent
grotesque harm harmful hate hateful hinder horrible hostile hypocrisy hypocrite hypocritical
idiot ignorance ignorant ignore illegal illegitimate incompetence incompetent inappropriate
incoherent inexcusable insane insult insulting irresponsible jeopardize joke lie liar lousy mess
misconduct mislead misleading mistake mock nasty negligence negligent nonsense obscene offensive
outrage outrageous pathetic phony politicize politicized poor problem problematic racism racist
rant reckless reject rejection ridicule ridiculous rig rigged rip sad scandal scandalous scare
scheme sexist shame shameful shameless shoddy sick slam slander smear stupid suspicious tarnish
terrible threat threaten toxic troubling unacceptable unbelievable unethical unfair unfit
unhinged unprepared unqualified unstable untrustworthy undermine unwise vicious violate
violation weak worse worst wrong
""")

# Multi-word evaluative expressions (lemmas joined by spaces).
PHRASES_POSITIVE = {"game changer", "statement of support", "step forward", "stand with", "vote for",
                    "proud of", "in favor of", "on the right track", "well done", "good job"}
PHRASES_NEGATIVE = {"political tool", "witch hunt", "step back", "no evidence", "not fit", "smear campaign",
                    "fake news", "lock her up", "stand against", "vote against",
                    "dog whistle", "conflict of interest", "tear apart", "political hay", "soft spot",
                    "not pay", "no basis", "rigged system"}

# Reaction cues: verbs and nouns whose object takes their polarity.
CUE_POSITIVE = {"welcome", "praise", "applaud", "commend", "hail", "endorse", "back", "support",
                "defend", "laud", "celebrate", "embrace", "thank", "congratulate", "salute",
                "champion", "approve", "endorsement", "approval"}
CUE_NEGATIVE = {"reject", "condemn", "denounce", "criticize", "criticise", "slam", "blast", "attack",
                "dismiss", "deny", "accuse", "oppose", "mock", "ridicule", "decry", "lambaste", "rip",
                "disparage", "deride", "assail", "berate", "block", "rebuke", "refute", "dispute", "chastise",
                "bristle", "poke", "hit", "knock", "hammer", "bash", "skewer", "taunt", "chide", "needle",
                "condemnation", "criticism", "rejection", "denial", "opposition", "denunciation",
                "boycott", "scold", "smear", "insult", "fault", "blame", "question", "challenge", "warn"}
# Verbs that attach an evaluation to their object through a complement ("called X a game changer").
DESCRIBE_VERBS = {"call", "describe", "label", "brand", "term", "dub", "characterize", "consider",
                  "deem", "name", "portray", "paint", "view", "see", "regard"}

NEGATORS = {"not", "n't", "never", "no", "nothing", "neither", "nor", "without", "hardly", "barely"}
