"""Reporting verbs: one lexicon, each verb with the levels at which the data path reads it.

Levels (a verb may have both):
- ``hook``: next to text in quote marks that no clause rule holds, the verb attaches the quote
  as said ('"...," she answered'; quotes.marked). A small, closed class: a wider one would
  attach quotes to any verb near them.
- ``speech``: a speech act for the learned scorer's features (quotes.features) and for the
  light entity layer, where the subject of such a verb is a name (parse.entities). It holds
  "according" too, the cue of "according to".

The two levels disagree on three verbs, kept as they are: "answer", "conclude" and "put" ("as
she put it") hook quotes but are no speech acts for the scorer, which was trained on these
features; giving them the level changes what the model reads and is a retraining decision,
measured on dev. ``evaluate.score`` keeps its own word list: it mirrors the gold data.
"""

from __future__ import annotations

# lemma: levels (one verb a line, alphabetical)
_LEXICON = """
accuse: speech
according: speech
acknowledge: speech
add: hook speech
admit: speech
announce: hook speech
answer: hook
argue: hook speech
ask: hook speech
assert: speech
blame: speech
boast: speech
call: speech
charge: speech
cite: speech
claim: hook speech
clarify: speech
comment: hook speech
complain: speech
concede: speech
conclude: hook
confirm: speech
contend: speech
continue: hook speech
declare: hook speech
decry: speech
demand: speech
denounce: speech
deny: speech
describe: speech
dismiss: speech
echo: speech
emphasize: speech
explain: hook speech
insist: hook speech
joke: hook speech
lament: speech
maintain: speech
mention: speech
note: hook speech
observe: hook speech
pledge: speech
post: hook speech
praise: speech
predict: speech
promise: speech
put: hook
question: speech
quip: hook speech
recall: hook speech
recount: speech
reiterate: speech
remark: hook speech
repeat: speech
reply: hook speech
report: speech
respond: hook speech
say: hook speech
slam: speech
speak: speech
state: hook speech
stress: speech
suggest: speech
tell: hook speech
testify: speech
threaten: speech
tout: speech
tweet: hook speech
urge: speech
vow: speech
warn: hook speech
write: hook speech
"""

LEVELS = ("hook", "speech")
LEXICON: dict[str, frozenset[str]] = {
    lemma.strip(): frozenset(levels.split())
    for lemma, levels in (line.split(":") for line in _LEXICON.strip().splitlines())
}
HOOK_VERBS = frozenset(v for v, levels in LEXICON.items() if "hook" in levels)
SPEECH_VERBS = frozenset(v for v, levels in LEXICON.items() if "speech" in levels)


def is_speech_verb(lemma: str) -> bool:
    """A speech act (level ``speech``), for a lower-case lemma."""
    return lemma in SPEECH_VERBS


def hooks_quotes(lemma: str) -> bool:
    """A verb that attaches a free quote next to it (level ``hook``), for a lower-case lemma."""
    return lemma in HOOK_VERBS
