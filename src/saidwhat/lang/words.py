"""Small, general word lists of English news: pronouns, honorifics and the other words around
a person's name, organisation and group head nouns, common first names for gender agreement,
the words the light entity layer reads (time words, company and place words) and stopwords.

Kept deliberately short and news-generic; anything article-specific is learnt from the article.
Titles and roles are in ``lang.titles``, reporting verbs in ``lang.verbs``.
"""

from __future__ import annotations

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
# The corpus store's name keys (lang.names.parse_person) read the lists above and, on top of
# them, these three. STYLES: forms of address and ranks before a name that neither HONORIFICS nor
# a word of TITLES covers ("Rabbi", "Pope", "U.S. Attorney", "Speaker"); extraction reads it too,
# as titles before a name (lang.names.parse_name; dev figures unchanged). Extraction does not
# read the other two: widening what it joins is an extraction change of its own, to be measured
# on dev.
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


# -- the light entity layer (parse.entities) -----------------------------------------------
TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "morning afternoon evening night week weekend month year day hour january february march "
    "april june july august september october november december jan. feb. aug. sept. oct. "
    "nov. dec."
)
# plural names of groups of people ("Democrats", "Americans", "Israelis"), not "Sanders"
GROUP_ENDINGS = ("ans", "ats", "ists", "ites", "ives", "als", "is", "ese")
# last words of a body's name besides ORG_HEADS: outlets, companies, institutions
ORG_LAST_WORDS = word_set(
    "news times post journal tribune herald press magazine program fund inc. corp. co. authority "
    "corporation bank club church school hospital airlines"
)
PLACE_FIRST_WORDS = word_set(
    "new united los las san santa st. saint fort port lake mount cape north south"
)
PLACE_LAST_WORDS = word_set(
    "states kingdom city county island islands republic valley beach street avenue"
)

# -- wording keys (the store's clusters and check) ------------------------------------------
# words that carry no meaning of their own in a quote: a paraphrase may drop or change them
STOPWORDS = word_set(
    """a an and are as at be been but by do for from had has have he her his i if
in is it its me my not of on or our she so that the their them they this to was we were what when
who will with would you your said says"""
)
