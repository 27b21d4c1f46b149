"""Small, general word lists the resolver leans on: pronouns, honorifics, titles (roles),
organisation and group head nouns, and common first names for gender agreement.

Kept deliberately short and news-generic; anything article-specific is learnt from the article.
"""

from __future__ import annotations

import re

MALE, FEMALE = "male", "female"

PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his"}
PLURAL_PRONOUNS = {"they", "them", "their"}
FIRST_PERSON_SINGULAR = {"i", "me", "my"}
FIRST_PERSON_PLURAL = {"we", "us", "our"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
NEUTER_PRONOUNS = {"it", "its"}

HONORIFIC_GENDER = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "sir": MALE}
HONORIFICS = set(HONORIFIC_GENDER) | {"dr", "prof", "rev", "hon"}
# Words before a name that are neither name nor title ("Retired General X", "former Sen. Y").
NAME_PREFIXES = {"retired", "former", "late", "then", "acting", "deputy", "interim"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Lower-case particles belong to the surname ("Bill de Blasio" -> "de Blasio").
PARTICLES = {"de", "da", "di", "del", "della", "der", "van", "von", "la", "le", "du", "bin", "al"}
# The corpus store's name keys (store/names.py) read the lists above and, on top of them, these
# three. STYLES: forms of address and ranks before a name that neither HONORIFICS nor a word of
# TITLES covers ("Rabbi", "Pope", "U.S. Attorney", "Speaker"); extraction reads it too, as titles
# before a name (roster.parse_name; dev figures unchanged). Extraction does not read the other
# two: widening what it joins is an extraction change of its own, to be measured on dev.
STYLES = {"mx", "dame", "lord", "lady", "reverend", "fr", "father", "sister", "brother", "rabbi",
          "imam", "sheikh", "pope", "cardinal", "bishop", "saint", "st", "king", "queen", "prince",
          "princess", "justice", "chancellor", "premier", "councillor", "councilmember",
          "detective", "det", "coach", "u.s.", "speaker"}  # fmt: skip
# Styles that are also first names or start surnames ("Justice Harlow", "St. Clair", "Prince
# Fielder"): a style only when two name words follow ("Justice Ruth Ginsburg", "Prince Harry"
# stays whole).
NAME_LIKE_STYLES = {"justice", "prince", "princess", "saint", "st", "brother", "sister", "father",
                    "lord", "lady", "dame", "king", "queen", "coach", "mx"}  # fmt: skip


def is_style_lead(words: list[str]) -> bool:
    """The first of ``words`` (lower case, a name's words) is a style to drop before the name."""
    lead = words[0].rstrip(".") if words[0] != "u.s." else words[0]
    if lead not in STYLES and words[0] not in STYLES:
        return False
    return lead not in NAME_LIKE_STYLES or len(words) >= 3


SURNAME_PARTICLES = PARTICLES | {"den", "das", "dos", "ibn", "el"}  # "van den Berg", "dos Santos"
POST_NOMINALS = NAME_SUFFIXES | {"phd", "md", "esq"}

# Titles and roles a person holds; longer first so that "press secretary" beats "secretary".
TITLES = (
    "white house press secretary",
    "press secretary",
    "attorney general",
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

# Head nouns naming an organisation ("the department said", "the Trump administration").
ORG_HEADS = {
    "department",
    "administration",
    "campaign",
    "agency",
    "ministry",
    "office",
    "committee",
    "commission",
    "council",
    "court",
    "government",
    "company",
    "firm",
    "party",
    "bureau",
    "service",
    "board",
    "group",
    "organization",
    "organisation",
    "university",
    "newspaper",
    "network",
    "foundation",
    "institute",
    "center",
    "centre",
    "house",
    "senate",
    "congress",
    "police",
    "team",
    "union",
    "association",
    "coalition",
    "embassy",
    "pentagon",
}
# Nouns for unnamed groups of people ("officials said", "defenders of ... say").
GROUP_HEADS = {
    "officials",
    "sources",
    "source",
    "experts",
    "critics",
    "defenders",
    "supporters",
    "opponents",
    "analysts",
    "aides",
    "advisers",
    "lawmakers",
    "legislators",
    "democrats",
    "republicans",
    "residents",
    "people",
    "voters",
    "investigators",
    "authorities",
    "prosecutors",
    "observers",
    "activists",
    "advocates",
    "economists",
    "scientists",
    "researchers",
    "witnesses",
    "protesters",
    "leaders",
    "members",
    "organizers",
    "polls",
    "reports",
    "documents",
    "others",
    "many",
    "some",
}


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string (long lists stay readable)."""
    return frozenset(text.split())


# Common given names, for gender agreement with he/she (a hint, never a verdict).
FEMALE_NAMES = word_set(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
    stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole ruth katherine samantha christine emma catherine debra virginia rachel carolyn janet
    maria heather diane julie joyce victoria kelly christina lauren joan evelyn olivia judith
    megan cheryl martha andrea frances hannah jacqueline ann gloria jean kathryn alice teresa
    sara janice doris madison julia grace judy abigail marie denise beverly amber theresa
    marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte
    hillary chelsea melania ivanka kellyanne nikki lindsay huma donna loretta elena sonia
    ruth condoleezza nancy michele kamala elizabeth tulsi hope sheryl oprah beyonce melanie
    jill tipper laura barbara rosalynn kirsten dianne tammy claire amy heidi susan lisa
    maxine jan sally kate anne jane ava mia"""
)
MALE_NAMES = word_set(
    """james robert john michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
    bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
    eugene vincent russell elijah louis bobby philip johnny bill barack mike mitt ted marco
    rand chris jeb ben newt rudy reince jeff bernie tim rick harry mitch
    lindsey chuck al dick jimmy lyndon rex steve jared vladimir bashar recep emmanuel boris
    enrique nigel"""
)


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
