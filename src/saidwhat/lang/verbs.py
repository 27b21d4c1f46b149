"""Reporting verbs: one lexicon, each verb with the levels at which the data path reads it.

Levels (a verb may have several):
- ``hook``: next to text in quote marks that no clause rule holds, the verb attaches the quote
  as said ('"...," she answered'; quotes.marked). A small, closed class: a wider one would
  attach quotes to any verb near them.
- ``speech``: a speech act for the learned scorer's features (quotes.features) and for the
  light entity layer, where the subject of such a verb is a name (parse.entities). It holds
  "according" too, the cue of "according to".
- ``refusal``: saying that one will not say ("declined to say when", "refused to comment"):
  no content, never an attribution (quotes.filters). A speech verb that is negated and has no
  clause of its own ("did not immediately respond to requests") is one too.
- ``belief``: a thought, not an utterance ("Burton thinks that …", "she decided to …"): a
  reader marks what was said, so never an attribution (quotes.filters), though PolNeAR
  annotates beliefs too.
- ``perception``: with a subject that is evidence rather than a speaker ("the video shows",
  "evidence suggests", "the results showed"; ``lang.words.EVIDENCE_NOUNS``) the verb reports
  no speech (quotes.filters); with a speaker as subject "suggest" stays a speech act.

Every hook verb is a speech act ("answer", "conclude" and "put", as in "as she put it", got the
level when the scorer was retrained with it). ``evaluate.score`` keeps its own word list: it
mirrors the gold data.

``SPEECH_NOUNS`` are the nouns that report speech with the content after them ("his claim
that …", "questions about …", "her vow to …"; quotes.clauses).
"""

from __future__ import annotations

# lemma: levels (one verb a line, alphabetical)
_LEXICON = """
according: speech
accuse: speech
acknowledge: speech
add: hook speech
admit: speech
announce: hook speech
answer: hook speech
argue: hook speech
ask: hook speech
assert: speech
assume: belief
assure: speech
believe: belief
blame: speech
blast: speech
boast: speech
call: speech
chant: speech
charge: speech
cite: speech
claim: hook speech
clarify: speech
comment: hook speech
complain: speech
concede: speech
conclude: hook speech
confirm: speech
contend: speech
continue: hook speech
counter: speech
criticize: speech
decide: belief
declare: hook speech
decline: refusal
decry: speech
demand: speech
demonstrate: perception
denounce: speech
deny: speech
describe: speech
dismiss: speech
doubt: belief
echo: speech
emphasize: speech
expect: belief
explain: hook speech
fear: belief
feel: belief
guess: belief
hope: belief
imagine: belief
indicate: perception
insist: hook speech
joke: hook speech
know: belief
lament: speech
maintain: speech
mention: speech
mock: speech
note: hook speech
observe: hook speech
pledge: speech
post: hook speech
praise: speech
predict: speech
promise: speech
propose: speech
prove: perception
put: hook speech
question: speech
quip: hook speech
realize: belief
recall: hook speech
recommend: speech
recount: speech
refuse: refusal
reiterate: speech
remark: hook speech
repeat: speech
reply: hook speech
report: speech
respond: hook speech
retort: speech
reveal: perception
say: hook speech
shout: speech
show: perception
slam: speech
speak: speech
state: hook speech
stress: speech
suggest: speech perception
suspect: belief
tell: hook speech
testify: speech
think: belief
threaten: speech
tout: speech
tweet: hook speech
urge: speech
vow: speech
warn: hook speech
wish: belief
wonder: belief
write: hook speech
yell: speech
"""

LEVELS = ("hook", "speech", "refusal", "perception", "belief")
LEXICON: dict[str, frozenset[str]] = {
    lemma.strip(): frozenset(levels.split())
    for lemma, levels in (line.split(":") for line in _LEXICON.strip().splitlines())
}
HOOK_VERBS = frozenset(v for v, levels in LEXICON.items() if "hook" in levels)
SPEECH_VERBS = frozenset(v for v, levels in LEXICON.items() if "speech" in levels)
REFUSAL_VERBS = frozenset(v for v, levels in LEXICON.items() if "refusal" in levels)
BELIEF_VERBS = frozenset(v for v, levels in LEXICON.items() if "belief" in levels)
PERCEPTION_VERBS = frozenset(v for v, levels in LEXICON.items() if "perception" in levels)
# verbs that, negated and without a clause, say that nothing was said ("did not respond")
NON_ANSWERS = frozenset({"respond", "comment", "return", "answer", "reply", "elaborate", "say"})
# verb + particle that is no speech act ("called off a meeting", "wrote off the debt")
PHRASAL_NOT_SPEECH = frozenset(
    {("call", "off"), ("call", "up"), ("call", "in"), ("put", "off"), ("put", "up"),
     ("put", "on"), ("put", "out"), ("write", "off"), ("tell", "apart"), ("speak", "up")}
)  # fmt: skip
SPEECH_NOUNS = frozenset(
    {"claim", "comment", "remark", "statement", "question", "vow", "promise", "pledge",
     "charge", "accusation", "allegation", "criticism", "warning", "call", "demand", "praise",
     "assertion", "denial", "insistence", "suggestion", "argument", "complaint", "threat",
     "announcement", "prediction", "admission", "report", "testimony", "response", "reply",
     "answer", "boast", "assurance", "plea", "appeal", "attack", "speech", "interview",
     "tweet", "post", "message", "description", "insinuation", "confession", "explanation"}
)  # fmt: skip


def is_speech_verb(lemma: str) -> bool:
    """A speech act (level ``speech``), for a lower-case lemma."""
    return lemma in SPEECH_VERBS


def hooks_quotes(lemma: str) -> bool:
    """A verb that attaches a free quote next to it (level ``hook``), for a lower-case lemma."""
    return lemma in HOOK_VERBS
