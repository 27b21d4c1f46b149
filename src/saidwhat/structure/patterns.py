"""What a unit of news text looks like: noise, credit, byline, dateline, box heading, date.

Each pattern matches a whole unit (or, for the dateline, the start of one) and is written for
the conventions of news pages in general, not for one article. Noise patterns only fire on
short units, so a paragraph that happens to say "read more" stays a paragraph.
"""

from __future__ import annotations

import re

from saidwhat.lang.dates import MONTH, WEEKDAY, read_date_line
from saidwhat.structure.units import BULLET

_I = re.IGNORECASE

NOISE_MAX_WORDS = 20
_LEAD = r"(?:\s*[:|»›>\-].{0,100})?"  # "Related: Council delays vote", or nothing
NOISE = re.compile(
    rf"""(?:
      contact(?:\ us)? | about\ us | home | menu | search | skip\ to(?:\ main)?\ content
    | share(?:\ this)?(?:\ (?:article|story|page|post))?(?:\ (?:on|via)\ \w+)?
    | share\ on\ \w+ | tweet(?:\ this)? | e-?mail(?:\ this)?(?:\ (?:article|story))? | print
    | comments?(?:\ \(\d+\))? | \d+\ comments? | leave\ a\ comment | view\ comments
    | sign\ up | subscribe | register
    | (?:sign\ up|subscribe|register)\b.{{0,80}}
      \b(?:newsletters?|e-?mails?|inbox|alerts|podcast|account|subscription|access|here|now)\b
      .{{0,60}}
    | (?:get\ )?(?:our|the)\ (?:free\ )?(?:\w+\ )?newsletters?
      (?:{_LEAD}|\s+(?:in\ your\ inbox|delivered)\b.{{0,60}})
    | read\ (?:more|next|also)(?:{_LEAD}|\s+(?:stories|articles|news|here)
      |\s+(?:at|on)\b.{{0,60}})
    | read\ (?:the\ rest|the\ full\ (?:story|article))\b.{{0,100}}
    | continue\ reading.{{0,60}} | click\ here.{{0,80}} | see\ also{_LEAD}
    | advertisement | sponsored(?:\ content)? | ad | paid\ content | promoted
    | related(?:\ (?:stories|articles|coverage|content|links|topics|news))?{_LEAD}
    | more\ (?:from|on|stories)\b[^.!?]{{0,80}}
    | (?:most\ (?:read|popular|viewed)|trending(?:\ now|\ stories)?){_LEAD}
    | (?:follow|like)\ (?:us|@?\S+)\ on\ (?:twitter|x|facebook|instagram|linkedin|tiktok
      |threads|bluesky|mastodon|youtube|social\ media)\b.{{0,40}}
    | follow\ @\w+.{{0,60}}
    | privacy\ policy | terms\ (?:of\ (?:use|service))? | all\ rights\ reserved\.?
    | (?:watch|listen|video|photos?|images?|gallery|credit|file\ photo)\s*:.{{0,120}}
    )[\s.!:]*""",
    _I | re.VERBOSE,
)
LONG_NOISE_MAX_WORDS = 80
LONG_NOISE = re.compile(
    r"""(?:
      .{0,600}\((?:AP|Reuters|AFP|Getty)?\ ?(?:Photo|Images?)\b[^)]{0,80}\)\.?
    | .{0,600}\b(?:Getty\ Images|Shutterstock|AP\ Photo)\s*\.?
    | .{0,400}\b(?:we\ use\ cookies|uses\ cookies|accept(?:\ all)?\ cookies
      |cookie\ (?:policy|settings|preferences|notice|consent))\b.{0,400}
    )""",
    _I | re.VERBOSE | re.DOTALL,
)

_STAMP_TOKEN = (
    rf"(?:{MONTH}|\d{{1,4}}(?:[:.]\d{{2}})?|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})"
    rf"|{WEEKDAY}|on|at|[,:|/\-—])"
)
TIMESTAMP = re.compile(
    rf"(?:published|updated|posted|last\s+updated|first\s+published)(?:\s*{_STAMP_TOKEN})+\s*",
    _I,
)
"""'Updated 3:45 p.m. EST, March 4, 2026': page metadata (not 'Published in 2015, the…')."""

AGENCIES: dict[str, re.Pattern[str]] = {
    "AP": re.compile(r"\bAP\b|\bAssociated Press\b"),
    "Reuters": re.compile(r"\bReuters\b", _I),
    "AFP": re.compile(r"\bAFP\b|\bAgence France[- ]Presse\b", _I),
    "UPI": re.compile(r"\bUPI\b|\bUnited Press International\b"),
    "Bloomberg": re.compile(r"\bBloomberg\b"),
    "dpa": re.compile(r"\bdpa\b|\bDeutsche Presse-Agentur\b"),
    "PA": re.compile(r"\bPA Media\b|\bPress Association\b"),
    "The Canadian Press": re.compile(r"\bCanadian Press\b"),
    "Xinhua": re.compile(r"\bXinhua\b"),
}

CREDIT_MAX_WORDS = 30
"""Copyright and "contributed" lines are short; a longer unit is a body paragraph about them."""
CREDIT = re.compile(
    r"""(?:
      (?:copyright\b|©|\(c\))\s*(?-i:[A-Z0-9©(]).{0,200}
    | .{0,200}\bcontributed\ (?:to\ this\ (?:report|story|article)|reporting|research)\b.{0,80}
    | .{0,120}\b(?:AP|Reuters|AFP|Associated\ Press|Agence\ France-Presse)\b\ contributed\b.{0,80}
    | (?:additional\ )?reporting\ by\b[^.]{0,200};\s*editing\ by\b.{0,200}
    | this\ (?:story|article)\ (?:was\ )?(?:first\ |originally\ )?(?:published|appeared)
      \ (?:by|in|on)\b.{0,120}
    )""",
    _I | re.VERBOSE,
)
STAFF_CREDIT = re.compile(
    # Reuters style, any length: "(Reporting by A in X; Additional reporting by B; Editing by C)"
    r"\(\s*(?:additional\ )?(?:reporting|writing|editing)\ by\b[^)]{0,600}\)\.?",
    _I | re.VERBOSE,
)

BYLINE = re.compile(
    r"By\s+(?:[A-Z][\w.'’\-]*|[A-Z]{2,}[\w.'’\-]*)(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|da|del|la|and|&))+"
    r"[^.!?]{0,80}",
)
BYLINE_MAX_WORDS = 14

BOX_HEADING = re.compile(
    r"(?:what\ (?:you\ need\ )?to\ know|what\ we\ know|key\ (?:points|facts|takeaways)"
    r"|takeaways|(?:story\ )?highlights|in\ brief|at\ a\ glance|the\ big\ picture|the\ facts"
    r"|quick\ read|summary|tl;?\ ?dr|the\ latest|why\ it\ matters|in\ short|the\ short\ version)"
    r"\s*:?",
    _I | re.VERBOSE,
)

_PLACE_CAPS = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
_PLACE_TITLE = r"[A-Z][a-z.'’\-]+(?:\s+[A-Z][a-z.'’\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?"
_WHEN = rf"(?:,\s*{MONTH}\s+\d{{1,2}})?"
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z.&\- ]{0,40})\)"
_DASH = r"(?:\s*[—–]\s*|\s*--\s*|\s+-\s+)"  # a hyphen needs spaces: "AP-GfK" is a word
DATELINE = re.compile(
    # An all-caps place, or a title-case place when an agency in parentheses follows.
    rf"(?:{_PLACE_CAPS}{_REGION}{_WHEN}|{_PLACE_TITLE}{_REGION}{_WHEN}(?=\s*\())"
    rf"(?:\s*{_AGENCY})?{_DASH}(?=\S)"
)
DATELINE_MAX_CHARS = 80
_LABEL = re.compile(r"(?:EXCLUSIVE|BREAKING|UPDATE[D]?|WATCH|LIVE|ANALYSIS|OPINION|VIDEO)\b")

_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or")
    + ("over", "per", "the", "to", "up", "vs.", "vs", "via", "with")
)
_SENTENCE_END = tuple(".,;:")
HEADLINE_MAX_WORDS = 30


def words(text: str) -> list[str]:
    return text.split()


def is_noise(text: str) -> bool:
    """Page furniture: share bars, newsletter boxes, cookie notices, photo captions..."""
    count = len(words(text))
    if count <= NOISE_MAX_WORDS and (NOISE.fullmatch(text) or TIMESTAMP.fullmatch(text)):
        return True
    return count <= LONG_NOISE_MAX_WORDS and bool(LONG_NOISE.fullmatch(text))


def is_date(text: str) -> bool:
    """A line that is only a date (and time): page metadata, not body."""
    return read_date_line(text) is not None


def is_credit(text: str) -> bool:
    """A wire credit or copyright line: 'Copyright AP - Associated Press', '(Reuters)'..."""
    if STAFF_CREDIT.fullmatch(text):
        return True
    return len(words(text)) <= CREDIT_MAX_WORDS and bool(CREDIT.fullmatch(text))


def is_byline(text: str) -> bool:
    """'By Jane Doe', 'By JANE DOE, Associated Press', 'By Jane Doe and John Roe | Reuters'."""
    return (
        len(words(text)) <= BYLINE_MAX_WORDS
        and not text.rstrip().endswith((".", "!", "?"))
        and bool(BYLINE.fullmatch(text))
    )


def is_box_heading(text: str) -> bool:
    """The title of a key-points box: 'What to Know', 'Key points', 'Highlights'..."""
    return bool(BOX_HEADING.fullmatch(text))


def bullet_length(text: str) -> int:
    """Length of a bullet marker ('• ', '- ', '1. ') at the start of a unit, else 0."""
    match = BULLET.match(text)
    return match.end() if match else 0


def dateline_length(text: str) -> tuple[int, str | None]:
    """Length of a dateline ('WASHINGTON (AP) — ') at the start of a unit, and its agency."""
    match = DATELINE.match(text[: DATELINE_MAX_CHARS + 5])
    if not match or match.end() > DATELINE_MAX_CHARS or _LABEL.match(text):
        return 0, None
    return match.end(), match.group("agency")


def agency_of(text: str) -> str | None:
    """The news agency a credit or dateline names ('AP', 'Reuters'...), if any."""
    return next((name for name, pattern in AGENCIES.items() if pattern.search(text)), None)


def is_title_case(text: str) -> bool:
    """True when most content words are capitalised, as in most headlines."""
    content = [w for w in words(text) if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised >= 0.75 * len(content)


def headline_sized(text: str) -> bool:
    """Short enough for a headline, on one line, and not opening with a dateline."""
    count = len(words(text))
    return 1 <= count <= HEADLINE_MAX_WORDS and "\n" not in text and not dateline_length(text)[0]


def is_headline_like(text: str) -> bool:
    """Short, one line, and not a sentence of body prose (no final period unless title case)."""
    if not headline_sized(text):
        return False
    bare = text.rstrip("\"”’'»)")
    return not bare.endswith(_SENTENCE_END) or is_title_case(text)


def is_kicker_like(text: str) -> bool:
    """A topic tag above a headline: a few words, no punctuation at the end."""
    return 1 <= len(words(text)) <= 5 and "\n" not in text and text[-1:].isalnum()
