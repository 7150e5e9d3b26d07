"""Our own clutter filter: drop page furniture that survives main-text extraction.

Extractors (and people pasting text) keep lines like "More from Outlet: <headline>", "Photo:
Jane Doe/Getty Images", "Sign up for our newsletter", "Advertisement" or "Leave a Reply". They
are not the article, and worse, a promo headline can carry a quote that would be attributed to
the article. Each rule below says *by shape* what such a paragraph looks like: a short paragraph
that starts with a promo prefix and a colon, that *is* an ad label (the whole paragraph, not a
sentence mentioning "advertisement"), and so on. A rule only fires on paragraphs of at most
``max_words`` words, so a real paragraph that happens to start the same way is kept.

The filter works paragraph by paragraph, before analysis, so analysis offsets index the cleaned
text. What is dropped, and by which rule, is logged at debug level.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MAX_CLUTTER_CHARS", "RULES", "Rule", "clean_paragraphs", "clutter_rule"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    """A paragraph matching ``pattern`` (``re.match``, case-insensitive) with at most ``max_words``.

    ``spare_speech`` rules never drop a paragraph that reports speech (a quotation mark or
    "said"/"says"/"told"), since those are the paragraphs saidwhat exists to analyse.
    """

    name: str
    pattern: re.Pattern[str]
    max_words: int
    why: str
    spare_speech: bool = False


def _rule(name: str, pattern: str, max_words: int, why: str, *, spare_speech: bool = False) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE | re.UNICODE), max_words, why, spare_speech)


_SEP = r"\s*(?::|：|\||»|›|>|\s[-–—]\s)\s*"  # after a prefix: colon, pipe, guillemet or spaced dash
_END = r"\s*[.:!…]*\s*$"  # optional trailing punctuation, then the end of the paragraph
_SOCIAL = (r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|email|e-mail|messenger"
           r"|flipboard|bluesky|threads|instagram|sms|mail)")
_NO_SENTENCE_END = r"(?<![.!?\"”’])$"  # a label, not a sentence
_URL = r"(?:https?://|www\.)\S+"
_EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_ZONE = r"(?:et|est|edt|ct|cst|cdt|mt|pt|pst|pdt|gmt|utc|bst|cet|cest|ist|aest|aedt|jst|hkt|sgt|amt)"
# each word-like token must end at a word boundary, so a long digit run cannot be split into
# tokens in exponentially many ways (no catastrophic backtracking)
_DATE_TOKEN = (rf"(?>(?:\d{{1,4}}(?:[:/.\-]\d{{1,4}}){{0,2}}(?:st|nd|rd|th)?|[ap]\.?m\.?|{_MONTH}|{_DAY}"
               rf"|{_ZONE}|at|on|updated|last|published|posted|first)(?!\w)|[-–—|,•·])")

RULES: tuple[Rule, ...] = (
    _rule("promo",
          r"[\[(]?\s*(?:more\s+(?:from|on|in|about)\s+[^:|]{1,40}|more|(?:read|see|watch|listen)\s+(?:more|also|next|this)"
          r"|also\s+(?:read|see|watch|on)|related(?:\s+(?:posts?|articles?|stories|story|content|coverage|reading"
          r"|links?|news|videos?|topics?))?|recommended(?:\s+(?:for\s+you|reading|stories|articles|videos?))?"
          r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)|don['’]t\s+miss|must\s+read"
          r"|editor['’]?s\s+picks?|top\s+stories|popular\s+(?:now|stories)"
          r"|most\s+(?:read|popular|viewed|shared)(?:\s+(?:in|on|from)\s+[^.!?:]{1,40})?"
          r"|trending(?:\s+(?:now|stories|topics))?|up\s+next|further\s+reading|more\s+(?:stories|news|coverage"
          r"|headlines|to\s+read)|(?:next|previous)\s+(?:article|story|post)|continue\s+reading"
          r"|sponsored\s+links?)"
          rf"(?:{_SEP}|{_END})"
          r"|also\s+on\s+[\w-]+\.[a-z]{2,}\b.*"  # "Also on example.com <headline>"
          r"|.{5,200}\[(?-i:VIDEOS?|INSIGHT|PICTURES|PICS|PHOTOS?|GALLERY|REVEALED|LATEST|LIVE|POLL|ANALYSIS|REACTION"
          r"|NEWS|WARNING|UPDATE|COMMENT|OPINION|MAP|GRAPHIC|QUIZ|LISTEN|WATCH|EXCLUSIVE|PODCAST)\]\W*$",
          # "<headline> [VIDEO]": a teaser link labelled with its kind
          30, "a teaser for other content: a promo prefix and a colon, or the bare heading"),
    _rule("image-credit",
          r"\(?\s*(?:(?:featured|top|header|lead|main|cover|hero|thumbnail|banner)\s+)?"
          r"(?:image|photo|picture|pic|video|graphic|illustration|photograph|footage|screenshot)s?"
          r"(?:\s+credits?)?\s*(?::|©|\(c\)).{0,200}$"
          r"|(?:image|photo|picture)\s+credits?\b.{0,200}$|credits?\s*:.{0,200}$",
          30, "an image, photo or video credit line (\"Photo: ...\", \"Image credit ...\")"),
    _rule("image-via",
          r"\(?\s*(?:(?:featured|top|header|lead|main|cover|hero|thumbnail|banner)\s+)?"
          r"(?:image|photo|picture|pic|video|graphic|illustration|photograph|footage|screenshot)s?"
          r"\s+(?:via|by|courtesy(?:\s+of)?)\s+.{1,200}" + _NO_SENTENCE_END,
          15, "a credit label (\"Featured image via ...\", \"(Photo by ...)\"), not a sentence"),
    _rule("caption-credit",
          r".{0,300}?(?:\((?:photo|image|picture|credit)s?\s*(?:by|:|via|courtesy)[^()]{1,80}\)"
          r"|\b(?:photo|image|picture|credit)s?\s*:\s*[^.!?]{1,80}/\s*[^.!?]{1,40}"
          r"|/\s*(?:getty\s+images|afp|reuters|ap|shutterstock|epa(?:-efe)?|alamy|istock(?:photo)?|xinhua)\b[^.!?]{0,30})"
          r"\s*[.)]?\s*$",
          45, "a caption ending in a photo credit (\"... Photo: Name/Agency\")", spare_speech=True),
    _rule("source-line",
          r"sources?\s*:\s*[^.!?]{1,60}" + _NO_SENTENCE_END,
          8, "a source label (\"SOURCE: News agencies\")"),
    _rule("reporting-credit",
          r"[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\s+.{1,400}$"
          r"|.{1,250}?\b(?:contributed|contributing)\s+(?:reporting|research|to\s+this\s+(?:report|story|article))\b.{0,80}$",
          60,
          "a reporting/editing credit (\"Reporting by ...; Editing by ...\", \"X contributed reporting\")"),
    _rule("contact",
          rf"(?:.{{0,80}}?\b(?:e-?mail|reach|reached|contact|follow|write\s+to|tips?)\b.{{0,160}}?(?:{_EMAIL}|@\w{{2,}}"
          rf"|twitter\.com/\w+).{{0,160}}$|{_EMAIL}\s*$|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/?\s*$)",
          40, "a contact line: an e-mail address or social handle to reach the author", spare_speech=True),
    _rule("link",
          rf"(?:[\w'’ ]{{1,30}}:\s*)?{_URL}(?:\s+(?:and|or|,)\s+{_URL})*\s*$",
          15, "a bare link, or a label and a link (\"Listen: https://...\")"),
    _rule("timestamp",
          rf"(?=.*\d)(?:{_DATE_TOKEN}\s*)+(?:by\s+[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){{0,3}})?\s*$",
          14, "a dateline or time stamp (\"Updated at 1:23 p.m.\", \"5:45 AM PST 11/19/2019 by ...\")"),
    _rule("newsletter",
          r"(?:.{0,80}?(?:^|[.!?]\s+))(?:sign\s*up|subscribe|register)\s+(?:for|to|now)\b.{0,60}?"
          r"\b(?:newsletters?|mailing\s+list|e-?mail\s+(?:alerts?|updates|briefing)|breaking\s+news\s+alerts?)\b"
          r"|.{0,80}?\b(?:sign\s*up|subscribe|register)\b.{0,40}?\b(?:our|free|daily|weekly)\b.{0,30}?"
          r"\bnewsletters?\b"
          r"|.{0,40}?\b(?:our|free)\s+newsletters?\b.{0,60}?\b(?:sign\s*up|subscribe)\b"
          r"|.{0,40}?\b(?:get|delivered)\b.{0,60}\b(?:to|in|into)\s+your\s+inbox\b"
          r"|[^.!?]{0,40}\bnewsletters?\s*$",
          35, "a newsletter or e-mail sign-up prompt, or its heading", spare_speech=True),
    _rule("call-to-action",
          r".{0,200}?\bclick\s+here\b.{0,200}$"
          r"|if\s+you\s+(?:enjoyed|liked|like|enjoy|found)\s+this\s+(?:article|story|post|content|piece)\b.{0,250}$"
          r"|.{0,300}?\bclick\s+to\s+tweet\s*$",
          45, "a call to action (\"Click here ...\", \"If you enjoyed this article ...\", "
          "tweetable-quote widgets)",
          spare_speech=False),
    _rule("cookies",
          r".{0,120}?\b(?:use|uses|using|store|set|accept|allow)\s+(?:of\s+)?cookies\b"
          r"|.{0,120}?\bcookies?\b.{0,120}?\b(?:cookie\s+(?:policy|settings)|privacy\s+policy|consent"
          r"|browsing\s+experience|your\s+(?:browser|device))",
          70, "a cookie or consent banner", spare_speech=True),
    _rule("licence",
          r".{0,60}?\bfor\s+(?:your\s+)?personal,?\s+non-?commercial\s+use\b.{0,300}$",
          60, "a reprint/licensing notice"),
    _rule("ad-label",
          r"(?:advertisements?|advertising|advertorial|ads?|sponsored(?:\s+(?:content|post|story|links?))?"
          r"|sponsored\s+by\s+.{1,40}|paid\s+(?:content|post|partnership|promotion)|promoted(?:\s+content)?"
          r"|partner\s+content|(?:story|article|text|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?"
          r"(?:advertisement|ad|video))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?"
          r"|skip\s+(?:this\s+)?(?:ad|advertisement))" + _END,
          10, "an ad label: the whole paragraph is the label"),
    _rule("comment-form",
          r"(?:leave\s+a\s+(?:reply|comment|response)|post\s+a\s+comment|add\s+a\s+comment|post\s+comment"
          r"|(?:\d+\s+)?(?:comments?|responses?|replies)|(?:join|start)\s+the\s+(?:discussion|conversation)"
          r"|comments\s+are\s+closed|cancel\s+reply|(?:show|view|load\s+more|see\s+all)\s+comments"
          r"|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*"
          r"|you\s+must\s+(?:be\s+logged\s+in|log\s+in)\s+to\s+post\s+a\s+comment.*|save\s+my\s+name,\s+email.*"
          r"|be\s+the\s+first\s+to\s+comment.*|tell\s+us\s+what\s+you\s+think.*|have\s+your\s+say.*"
          r"|let\s+us\s+know\s+(?:what\s+you\s+think|in\s+the\s+comments).*)" + _END,
          30, "comment-form text and comment prompts"),
    _rule("share",
          r"(?=share|tweet|copy\s+link|e-?mail|print|pin\b|click\s+to\s+share)"
          # atomic token + possessive separators: one way to read each word, so no backtracking blow-up
          rf"(?:(?>(?:share|shares|tweet|print|pin|it|copy|the|link|url|on|via|to|this|article|story|post|page"
          rf"|video|click|opens?|in|new|window|{_SOCIAL})\b)[\s,|•·/()]*+)+$"
          r"|(?:like|liked|enjoy|enjoyed|love|loved)\s+this\s+(?:story|article|post|video|content)\s*\?\s*share\b.{0,80}$",
          16, "a share prompt made only of share words (\"Share on Facebook Copy link\")"),
    _rule("tags",
          r"(?:tags?|tagged(?:\s+(?:with|in|as))?|topics?|categor(?:y|ies)|filed\s+(?:under|in)|keywords?)"
          r"(?:\s*[:：|]|\s*$)",
          40, "a tag or category list, or its heading"),
    _rule("follow",
          rf"(?:follow|like|connect\s+with|find)\s+.{{1,60}}?\b(?:on|at|via)\s+.{{0,40}}?\b(?:{_SOCIAL}|youtube|tiktok"
          r"|social\s+media)\b.{0,80}$",
          25, "a 'follow us' prompt", spare_speech=True),
    _rule("copyright",
          r"(?:copyright\s*)?(?:©|\(c\))\s*\w.{0,120}$|copyright\s+\d{4}\b.{0,120}$|all\s+rights\s+reserved\.?$"
          r"|copyright\s+[^.!?]{0,40}\b(?:19|20)\d\d\b[^.!?]*" + _NO_SENTENCE_END,
          25, "a copyright line"),
)

#: Longest paragraph any rule looks at. Clutter is short: the longest paragraph the rules drop on
#: the article-extraction benchmark (181 pages) and 300 PolNeAR texts is 288 characters (a
#: licensing notice), so 1,000 keeps a wide margin, and bounds what every rule's pattern can cost.
MAX_CLUTTER_CHARS = 1000

_SPEECH = re.compile(r"[\"“”«»]|\b(?:said|says|told|according\s+to)\b", re.IGNORECASE)
_WORDS = re.compile(r"\S+")


def clutter_rule(paragraph: str) -> Rule | None:
    """The first rule that says ``paragraph`` is clutter, or None to keep it."""
    text = paragraph.strip()
    if not text or len(text) > MAX_CLUTTER_CHARS:
        return None
    words = len(_WORDS.findall(text))  # after the length check: bounded too
    for rule in RULES:
        if words <= rule.max_words and rule.pattern.match(text):
            if rule.spare_speech and _SPEECH.search(text):
                continue
            return rule
    return None


def clean_paragraphs(paragraphs: Iterable[str], *, source: str | None = None) -> list[str]:
    """Paragraphs without clutter, in order; each dropped one is logged with its rule."""
    kept: list[str] = []
    for para in paragraphs:
        rule = clutter_rule(para)
        if rule is None:
            kept.append(para)
        else:
            log.debug("%s: dropped (%s) %.80r", source or "-", rule.name, para)
    return kept
