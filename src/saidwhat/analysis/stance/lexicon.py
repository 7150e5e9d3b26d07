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
essential necessary vital crucial needed sensible prudent responsible
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
                    "proud of", "in favor of", "on the right track", "well done", "good job",
                    "only way", "only choice", "right choice", "right thing", "right call", "best way",
                    "best choice", "make sense", "long overdue"}
PHRASES_NEGATIVE = {"political tool", "witch hunt", "step back", "no evidence", "not fit", "smear campaign",
                    "fake news", "lock her up", "stand against", "vote against",
                    "dog whistle", "conflict of interest", "tear apart", "political hay", "soft spot",
                    "not pay", "no basis", "rigged system", "stand up to"}

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

# Actions toward a target, by what an actor does rather than says: the object of the verb (or
# of its particle / preposition) receives the polarity. Verbs of the reaction cues above count
# as actions too. Particle verbs are (verb lemma, particle).
ACTION_POSITIVE = {"adopt", "pass", "approve", "sign", "sponsor", "enact", "ratify", "fund", "implement",
                   "uphold", "rally", "campaign", "vote"}
ACTION_NEGATIVE = {"block", "sue", "veto", "repeal", "overturn", "scrap", "halt", "stall", "filibuster",
                   "protest", "fight", "challenge", "obstruct", "kill", "cancel", "revoke", "appeal",
                   "undermine", "resist", "thwart", "derail"}
PARTICLE_ACTIONS = {("push", "through"): 1.0, ("sign", "off"): 1.0, ("vote", "down"): -1.0,
                    ("strike", "down"): -1.0, ("shoot", "down"): -1.0, ("throw", "out"): -1.0,
                    ("walk", "out"): -1.0, ("speak", "out"): -1.0, ("rule", "out"): -1.0}
# Prepositions that set the polarity of a vote, a campaign or a stand ("voted against the plan").
PREP_POLARITY = {"against": -1.0, "for": 1.0}

# Verbs by which an actor makes or owns a target: their agent is the target's author
# ("the OHCHR published the report", "the mayor proposed the toll").
AUTHOR_VERBS = {"publish", "issue", "release", "write", "draft", "author", "produce", "commission",
                "propose", "introduce", "unveil", "compile", "prepare", "launch", "design", "create"}

# Nouns by which an article refers back to a decision or policy it is about ("condemned the
# decision", "voted against the plan"): resolved to a non-person, non-document target.
IMPLICIT_TARGET_NOUNS = {"decision", "vote", "measure", "plan", "proposal", "policy", "move", "bill",
                         "scheme", "ordinance", "law", "rule", "ruling", "deal", "initiative", "legislation"}

# Singular nouns of collectives that react as one, beyond the actor resolver's organisation heads
# ("the chamber of commerce welcomed ...", "the fishing lobby rejected ...").
COLLECTIVE_HEADS = {"chamber", "lobby", "federation", "guild", "caucus", "delegation", "bloc", "league",
                    "syndicate", "consortium", "industry", "sector", "opposition", "majority", "minority"}
