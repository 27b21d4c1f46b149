"""The outlet a byline names: "By Priya Nandakumar | The Millbrook Ledger", "By Jane Roe, The
Courier", or "Associated Press" on the line under "By JANE ROE".

A byline's other parts are names and job titles ("Staff Writer", "Chief Political
Correspondent"), so a part counts as an outlet only when it looks like one: a news agency, a
name that starts with "The", a name ending in a word outlets call themselves ("Ledger",
"Weekly", "News"), an acronym ("CNN") or a domain.
"""

from __future__ import annotations

import re

from saidwhat.structure.patterns import AGENCIES, agency_of, is_title_case, words

_PARTS = re.compile(r"\s*(?:[|,;/•·]|\s[-–—]\s|\n)\s*")
_BY = re.compile(r"By\s+")
_BY_AGENCY = re.compile(r"By\s+(?:the\s+)?(?P<name>.+?)(?:\s+staff)?", re.IGNORECASE)
"""'By The Associated Press', 'By Reuters Staff': the agency is the whole byline."""
_FOR = re.compile(r"(?:special\s+to|writing\s+for|for|of)\s+", re.IGNORECASE)
_NAMES_FOR = re.compile(r"\s(?:special\s+to|writing\s+for|for|of)\s+(?P<outlet>.+)$")
OUTLET_MAX_WORDS = 6

OUTLET_WORDS = frozenset(
    ("News", "Times", "Post", "Herald", "Ledger", "Courier", "Gazette", "Journal", "Tribune")
    + ("Chronicle", "Mirror", "Record", "Star", "Sun", "Daily", "Weekly", "Globe", "Examiner")
    + ("Observer", "Telegraph", "Guardian", "Review", "Register", "Bulletin", "Dispatch")
    + ("Inquirer", "Sentinel", "Press", "Radio", "Television", "TV", "Network", "Media")
    + ("Magazine", "Wire", "Independent", "Standard", "Express", "Monitor", "Citizen")
    + ("Advocate", "Enquirer", "Courant", "Beacon", "Argus", "Bee", "Banner", "Messenger")
    + ("Statesman", "Leader", "Agency", "Service", "Newswire", "Broadcasting", "Today")
)
ROLE_WORDS = frozenset(
    ("writer", "correspondent", "reporter", "editor", "staff", "columnist", "contributor")
    + ("chief", "analyst", "producer", "photographer", "intern", "fellow", "freelance")
    + ("freelancer", "critic", "anchor", "host", "author", "senior", "special", "guest")
)
NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV", "MD", "PhD", "Esq"))
NOT_OUTLETS = frozenset(("US", "USA", "UK", "EU", "UN", "DC", "NYC", "LA", "CEO", "CFO", "GOP"))
"""Acronyms written after a byline name that are places, bodies or jobs, not broadcasters."""
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|news|co\.uk|example)", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def byline_outlet(bylines: list[str]) -> str | None:
    """The first outlet the byline parts name (an agency by its short name: 'AP')."""
    for byline in bylines:
        parts = _PARTS.split(byline.strip())
        if _BY.match(parts[0]):  # the names, perhaps with "of The Courier" after them
            whole = _BY_AGENCY.fullmatch(parts[0])
            name = whole.group("name") if whole else ""
            if any(pattern.fullmatch(name) for pattern in AGENCIES.values()):
                return agency_of(name)
            named = _NAMES_FOR.search(parts[0])
            parts = ([named.group("outlet")] if named else []) + parts[1:]
        for part in parts:
            lead = _FOR.match(part)
            outlet = _outlet(part[lead.end() :] if lead else part)
            if outlet:
                return outlet
    return None


def _outlet(part: str) -> str | None:
    tokens = words(part.strip(" .:"))
    if not 1 <= len(tokens) <= OUTLET_MAX_WORDS:
        return None
    if tokens[0] == "the":  # "of the Orval Daily News"
        tokens[0] = "The"
    text = " ".join(tokens)
    agency = agency_of(text)
    if agency:
        return agency
    if any(t.lower().strip(".") in ROLE_WORDS for t in tokens) or tokens[-1].strip(".") in (
        NAME_SUFFIXES
    ):
        return None
    if _DOMAIN.fullmatch(text) or (
        len(tokens) == 1 and _ACRONYM.fullmatch(text) and text not in NOT_OUTLETS
    ):
        return text
    if not is_title_case(text) or not tokens[0][:1].isupper():
        return None
    if tokens[0] == "The" and len(tokens) > 1:
        return text
    bare = [re.sub(r"['’]s$", "", t) for t in tokens]
    return text if any(t in OUTLET_WORDS for t in bare) else None
