"""The words by which news says that someone answers someone else (read by
``speakers.answers``): "X responded to Y", "X hit back at Y", "X rejected Y's claim that ...",
"asked about Y's remarks, X said ...", "in response to Y".

Lemmas, lower case. Kept to verbs and nouns that say an answer; "criticised" or "attacked"
say an attack, not an answer, and are left out.
"""

from __future__ import annotations

# "X responded to Y", "X replied to Y's question"
RESPOND_VERBS = frozenset({"respond", "reply", "retort", "answer", "react"})
# "X hit back at Y", "X fired back at Y", "X pushed back on Y's claim"
BACK_VERBS = frozenset({"hit", "fire", "shoot", "strike", "lash", "push", "snap", "swing"})
BACK_PARTICLES = frozenset({"back", "out"})
BACK_PREPOSITIONS = frozenset({"at", "against", "on"})
# "X rejected Y's claim that ...", "X disputed the charge by Y"
REBUT_VERBS = frozenset(
    {
        "reject",
        "dismiss",
        "dispute",
        "deny",
        "rebut",
        "counter",
        "refute",
        "contradict",
        "challenge",
        "deride",
        "mock",
        "ridicule",
        "scoff",
        "brush",
    }
)
# what is answered when it is somebody's: "Y's claim", "remarks by Y"
CLAIM_NOUNS = frozenset(
    {
        "claim",
        "assertion",
        "charge",
        "accusation",
        "allegation",
        "remark",
        "comment",
        "statement",
        "criticism",
        "critique",
        "suggestion",
        "argument",
        "attack",
        "characterization",
        "characterisation",
        "description",
        "declaration",
        "question",
        "demand",
        "call",
        "contention",
        "insistence",
        "warning",
        "threat",
        "tweet",
        "post",
        "complaint",
        "insult",
        "jab",
        "swipe",
        "assessment",
        "account",
        "version",
        "interjection",
        "speech",
        "word",
        "proposal",
        "idea",
        "plan",
        "promise",
        "pledge",
        "prediction",
        "praise",
        "point",
        "view",
        "position",
        "report",
        "letter",
        "interview",
    }
)
# "in response to Y", "in reply to Y", "in answer to Y"
RESPONSE_NOUNS = frozenset({"response", "reply", "answer", "rebuttal", "retort", "reaction"})
# "Asked about Y's remarks", "when asked about Y"
ASK_PREPOSITIONS = frozenset({"about", "on", "regarding", "over"})
