"""Titles and roles a person holds ("press secretary", "Sen."), how each is shown in a speaker
record, the gender a role noun carries, and the body or place a role implies.

Read by the parse's light entity layer (a title before a name), the speakers step (roles and
appositions) and the store (title words are no part of a name key).
"""

from __future__ import annotations

import re

from saidwhat.lang.words import FEMALE, MALE

# Titles and roles a person holds; longer first so that "press secretary" beats "secretary".
TITLES = (
    "white house press secretary",
    "press secretary",
    "attorney general",
    "chief justice",
    "first lady",
    "secretary of state",
    "secretary of defense",
    "vice president",
    "president-elect",
    "prime minister",
    "house speaker",
    "speaker of the house",
    "majority leader",
    "minority leader",
    "campaign manager",
    "campaign chairman",
    "communications director",
    "chief of staff",
    "chief executive",
    "police chief",
    "district attorney",
    "national security adviser",
    "senior adviser",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "press officer",
    "president",
    "mayor",
    "governor",
    "gov.",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "county supervisor",
    "supervisor",
    "council member",
    "alderman",
    "alderwoman",
    "organizer",
    "organiser",
    "councilman",
    "councilwoman",
    "secretary",
    "minister",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ceo",
    "judge",
    "sheriff",
    "commissioner",
    "general",
    "gen.",
    "admiral",
    "adm.",
    "colonel",
    "col.",
    "lieutenant",
    "lt.",
    "sergeant",
    "sgt.",
    "captain",
    "capt.",
    "commander",
    "ambassador",
    "adviser",
    "advisor",
    "aide",
    "nominee",
    "candidate",
    "pollster",
    "strategist",
    "economist",
    "professor",
    "lawyer",
    "attorney",
    "analyst",
    "engineer",
    "inspector",
    "official",
    "officer",
    "manager",
    "treasurer",
    "superintendent",
    "principal",
    "historian",
    "researcher",
    "scientist",
    "founder",
    "owner",
)
TITLE_GENDER = {
    "first lady": FEMALE,
    "alderwoman": FEMALE,
    "alderman": MALE,
    "councilwoman": FEMALE,
    "councilman": MALE,
    "spokeswoman": FEMALE,
    "congresswoman": FEMALE,
    "chairwoman": FEMALE,
    "spokesman": MALE,
    "congressman": MALE,
    "chairman": MALE,
}
# Abbreviations shown in full in speaker records.
TITLE_DISPLAY = {
    "gen.": "General",
    "adm.": "Admiral",
    "col.": "Colonel",
    "lt.": "Lieutenant",
    "sgt.": "Sergeant",
    "capt.": "Captain",
    "gov.": "Governor",
    "sen.": "Senator",
    "rep.": "Representative",
    "ceo": "CEO",
    "advisor": "Adviser",
}
# Working roles shown in lower case ("spokeswoman"); offices are capitalised ("Mayor").
LOWER_CASE_ROLES = {
    "first lady",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "press officer",
    "aide",
    "adviser",
    "senior adviser",
    "lawyer",
    "attorney",
    "analyst",
    "strategist",
    "pollster",
    "economist",
    "professor",
    "nominee",
    "candidate",
    "campaign manager",
    "engineer",
    "inspector",
    "official",
    "officer",
    "manager",
    "historian",
    "researcher",
    "scientist",
    "founder",
    "owner",
    "organizer",
    "organiser",
}
# A role implies the body it speaks for, when that body is named in the article.
ROLE_BODY = {
    "white house press secretary": ("White House",),
    "press secretary": ("White House",),
    "attorney general": ("Justice Department",),
    "secretary of state": ("State Department",),
    "secretary of defense": ("Defense Department", "Pentagon"),
}
# Roles whose body is a place: the mayor of a city, the governor of a state.
PLACE_ROLES = {"mayor", "governor", "gov.", "sheriff", "police chief"}


def title_pattern() -> re.Pattern[str]:
    """One case-insensitive alternation over the titles, longest first, whole words; an
    abbreviation matches with or without its dot ("Sgt." in AP style, "Det Sgt" in British)."""
    alternatives = sorted(TITLES, key=len, reverse=True)
    body = "|".join(
        re.escape(t[:-1]) + r"(?:\.|\b)" if t.endswith(".") else re.escape(t) + r"\b"
        for t in alternatives
    )
    return re.compile(rf"(?i:\b(?:{body}))")


def display_title(title: str) -> str:
    """A title as shown in a speaker record: 'press secretary' -> 'Press Secretary'."""
    key = title.lower()
    if key in TITLE_DISPLAY:
        return TITLE_DISPLAY[key]
    if f"{key}." in TITLE_DISPLAY:  # an abbreviation written without its dot ("Sgt")
        return TITLE_DISPLAY[f"{key}."]
    if key in LOWER_CASE_ROLES:
        return key
    return " ".join(w if w in {"of", "the"} else w[:1].upper() + w[1:] for w in key.split())
