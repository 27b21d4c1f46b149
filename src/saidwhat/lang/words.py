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
NAME_PREFIXES = {"retired", "former", "late", "then", "acting", "deputy", "interim", "rival",
                 "fellow", "ex", "outgoing", "incoming", "embattled", "disgraced"}  # fmt: skip
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


SURNAME_PARTICLES = PARTICLES | {"den", "das", "dos", "ibn", "el", "st", "saint"}  # "van den Berg"
POST_NOMINALS = NAME_SUFFIXES | {"phd", "md", "esq"}

# Head nouns naming an organisation ("the department said", "the Trump administration").
ORG_HEADS = {
    "authority",
    "alliance",
    "federation",
    "league",
    "society",
    "fund",
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
    "bank",
    "website",
    "magazine",
    "assembly",
    "parliament",
    "legislature",
    "caucus",
}
# Nouns for unnamed groups of people ("officials said", "defenders of ... say").
GROUP_HEADS = {
    "groups",
    "family",
    "relatives",
    "staff",
    "allies",
    "friends",
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
# words right after a source that say its name was withheld ("officials, who spoke on condition
# of anonymity because ..."), lower case
WITHHELD_NAME = (
    "on condition of anonymity",
    "on the condition of anonymity",
    "on condition that they not be named",
    "on condition that he not be named",
    "on condition that she not be named",
    "not authorized to",
    "declined to be named",
    "asked not to be named",
    "asked not to be identified",
    "requested anonymity",
    "speaking anonymously",
    "spoke anonymously",
    "familiar with",
    "with knowledge of",
    "insisted on anonymity",
)


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
    "corporation bank club church school hospital airlines lines securities partners holdings "
    "capital ventures industries systems labs media energy motors foods services group"
)
PLACE_FIRST_WORDS = word_set(
    "new united los las san santa st. saint fort port lake mount cape north south"
)
PLACE_LAST_WORDS = word_set(
    "states kingdom city county island islands republic valley beach street avenue sound bay "
    "harbor harbour river lake park square bridge"
)

# Things that show rather than say ("the video shows", "evidence suggests", "the results
# showed"): as the subject of a perception verb (lang.verbs), no speaker and no attribution.
EVIDENCE_NOUNS = word_set(
    "evidence data video videos footage result results figure figures number numbers record "
    "records document documents photo photos photograph photographs image images picture "
    "pictures tape tapes recording recordings statistics finding findings map maps chart charts "
    "graph graphs screenshot screenshots test tests scan scans sample samples"
)

# -- wording keys (the store's clusters and check) ------------------------------------------
# words that carry no meaning of their own in a quote: a paraphrase may drop or change them
STOPWORDS = word_set(
    """a an and are as at be been but by do for from had has have he her his i if
in is it its me my not of on or our she so that the their them they this to was we were what when
who will with would you your said says"""
)

# -- what stands before a title in a name ("Texas Sen. Ted Cruz", "Deputy Press Secretary") ---
# words that make a title more precise and belong to it ("Chief Justice", "State Sen.")
TITLE_MODIFIERS = word_set(
    "chief deputy assistant associate senior junior executive vice state federal first "
    "principal special managing"
)
# party words: before a name ("Republican Donald Trump") or a title, an affiliation
PARTY_WORDS = word_set(
    "republican republicans democrat democrats democratic gop libertarian independent green"
)
# US states and their AP abbreviations: before a title ("Texas Sen.", "Indiana Gov."), in a
# description ("the Vermont senator") or after a name ("D-Ore."), an affiliation
US_STATES = {
    "alabama": "ala.", "alaska": "alaska", "arizona": "ariz.", "arkansas": "ark.",
    "california": "calif.", "colorado": "colo.", "connecticut": "conn.", "delaware": "del.",
    "florida": "fla.", "georgia": "ga.", "hawaii": "hawaii", "idaho": "idaho",
    "illinois": "ill.", "indiana": "ind.", "iowa": "iowa", "kansas": "kan.",
    "kentucky": "ky.", "louisiana": "la.", "maine": "maine", "maryland": "md.",
    "massachusetts": "mass.", "michigan": "mich.", "minnesota": "minn.",
    "mississippi": "miss.", "missouri": "mo.", "montana": "mont.", "nebraska": "neb.",
    "nevada": "nev.", "new hampshire": "n.h.", "new jersey": "n.j.", "new mexico": "n.m.",
    "new york": "n.y.", "north carolina": "n.c.", "north dakota": "n.d.", "ohio": "ohio",
    "oklahoma": "okla.", "oregon": "ore.", "pennsylvania": "pa.", "rhode island": "r.i.",
    "south carolina": "s.c.", "south dakota": "s.d.", "tennessee": "tenn.", "texas": "texas",
    "utah": "utah", "vermont": "vt.", "virginia": "va.", "washington": "wash.",
    "west virginia": "w.va.", "wisconsin": "wis.", "wyoming": "wyo.",
}  # fmt: skip

# -- descriptions of people, bodies and documents -------------------------------------------
# nouns that name a kind of person ("the New York businessman", "his ex-wife"), besides the
# titles of lang.titles; those with a gender say it (a role noun is the article's own evidence)
PERSON_NOUNS = {
    "businessman": MALE, "businesswoman": FEMALE, "man": MALE, "woman": FEMALE,
    "father": MALE, "mother": FEMALE, "husband": MALE, "wife": FEMALE, "ex-wife": FEMALE,
    "ex-husband": MALE, "son": MALE, "daughter": FEMALE, "brother": MALE, "sister": FEMALE,
    "boyfriend": MALE, "girlfriend": FEMALE, "actor": MALE, "actress": FEMALE,
    "grandmother": FEMALE, "grandfather": MALE, "mom": FEMALE, "dad": MALE, "uncle": MALE,
    "aunt": FEMALE, "widow": FEMALE, "widower": MALE, "first lady": FEMALE, "lady": FEMALE,
    "gentleman": MALE, "king": MALE, "queen": FEMALE, "prince": MALE, "princess": FEMALE,
    "baker": None, "farmer": None, "grower": None, "chef": None, "driver": None,
    "fisherman": MALE, "shopkeeper": None, "vendor": None, "commuter": None, "parent": None,
    "mogul": None, "billionaire": None, "millionaire": None, "tycoon": None,
    "developer": None, "lawmaker": None, "legislator": None, "politician": None,
    "veteran": None, "host": None, "anchor": None, "reporter": None, "journalist": None,
    "columnist": None, "writer": None, "author": None, "editor": None, "doctor": None,
    "physician": None, "nurse": None, "teacher": None, "student": None, "activist": None,
    "advocate": None, "voter": None, "resident": None, "witness": None, "victim": None,
    "suspect": None, "defendant": None, "plaintiff": None, "rival": None, "opponent": None,
    "challenger": None, "incumbent": None, "frontrunner": None, "front-runner": None,
    "star": None, "singer": None, "player": None, "expert": None, "professor": None,
    "chief": None, "leader": None, "head": None, "member": None, "partner": None,
    "friend": None, "colleague": None, "neighbor": None, "neighbour": None, "owner": None,
    "governor": None, "senator": None, "congressman": MALE, "congresswoman": FEMALE,
}  # fmt: skip
# nouns of things that "say" (documents, media, polls): a speaker of its own kind, never a person
DOCUMENT_HEADS = word_set(
    "report reports study survey poll polls analysis memo memorandum letter statement "
    "complaint lawsuit filing brief ruling order document documents ad ads advertisement "
    "video clip spot commercial film documentary book memoir article story editorial column "
    "post tweet tweets website site page email emails message note transcript record "
    "records data figures estimate estimates projection forecast slide slides chart "
    "investigation review audit indictment affidavit petition resolution bill law "
    "proposal plan platform manifesto release announcement notice warning guidance"
)
# words that mean the same in a description as in what the article says of a person
DESCRIPTOR_SYNONYMS = {
    "gop": "republican", "democrat": "democratic", "democrats": "democratic",
    "republicans": "republican", "gov": "governor", "sen": "senator", "rep": "representative",
    "congressman": "representative", "congresswoman": "representative",
    "secy": "secretary", "pres": "president", "candidate": "nominee", "justice": "judge",
}  # fmt: skip
# a familiar form of a first name -> the formal names it stands for ("Joe Biden" is "Joseph
# R. Biden"): only forms that name one sex, so that two people of one surname ("Chris",
# "Pat", "Sam") are not joined on a guess
NICKNAMES: dict[str, frozenset[str]] = {
    short: frozenset(formal.split())
    for forms, formal in (
        ("joe joey", "joseph"), ("bob bobby rob robbie", "robert"),
        ("bill billy will willie", "william"), ("mike mickey", "michael"),
        ("jim jimmy", "james"), ("tom tommy", "thomas"), ("dick rick ricky rich richie", "richard"),
        ("chuck charlie", "charles"), ("dan danny", "daniel"), ("dave davy", "david"),
        ("ed eddie ned", "edward"), ("ted", "edward theodore"), ("tony", "anthony"),
        ("andy drew", "andrew"), ("steve", "steven stephen"), ("greg", "gregory"),
        ("jeff", "jeffrey"), ("jerry", "gerald jerome"), ("larry", "lawrence"),
        ("ron ronnie", "ronald"), ("don donnie", "donald"), ("ben", "benjamin"),
        ("nick", "nicholas"), ("matt", "matthew"), ("pete", "peter"), ("phil", "philip phillip"),
        ("ken kenny", "kenneth"), ("tim", "timothy"), ("fred", "frederick"),
        ("liz beth betsy betty", "elizabeth"), ("kate katie kathy", "katherine kathleen catherine"),
        ("sue susie", "susan"), ("peggy maggie meg", "margaret"), ("jenny jen", "jennifer"),
        ("debbie deb", "deborah"), ("becky", "rebecca"), ("cindy", "cynthia"),
    )
    for short in forms.split()
}  # fmt: skip
