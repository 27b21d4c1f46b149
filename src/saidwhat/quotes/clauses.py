"""Candidate attributions from rules over the dependency parse (high recall); the scorer
(``quotes.scoring``) then decides which are real. Shapes covered:
- a verb with a clausal complement (``X said (that) ...``, ``..., X said``, ``said X``);
- a cue hanging off the content clause (``..., another source said``: parataxis);
- ``according to X``;
- a verb with an object (``called the plan a "disaster"``, ``X denied the report``);
- a noun with a that-clause (``Trump's claim that ...``);
- ``Name: ...`` lead-ins (headlines, interviews).
Text in quote marks is the business of ``quotes.marked``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from saidwhat.lang.verbs import BELIEF_VERBS, SPEECH_NOUNS, is_speech_verb
from saidwhat.quotes.proposals import Raw, Regions, cue_span, span_of, with_source
from saidwhat.quotes.syntax import (
    any_of,
    char_span,
    is_quote_token,
    mention_span,
    subject_of,
    subtree_span,
)

ADJUNCT_PREPS = {"during", "at", "in", "after", "before", "since", "amid", "while"}
OBJECT_DEPS = {"dobj", "oprd", "dative", "attr"}
OBJECT_PREPS = {"for", "on", "as", "to", "about", "of", "with", "by", "against"}


NOUN_PREPS = {"about", "of", "on", "over", "regarding", "against", "that"}
# verbs whose subject voices the speech noun they take ("Clinton restricted comments about")
VOICING_VERBS = {"make", "issue", "give", "offer", "repeat", "restrict", "level", "deliver",
                 "post", "send", "release", "voice", "raise", "renew", "publish"}  # fmt: skip


def _noun_content(doc: Doc, noun: Token) -> tuple[list[Token], str] | None:
    """What a noun cue reports: its that-clause (any noun: "a Times report that …"), or, for
    a speech noun, the object of "about/of/on…" or a to-clause ("questions about …", "his vow
    to …")."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ in ("acl", "relcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return list(doc[c.left_edge.i : c.right_edge.i + 1]), "that-clause-of-noun"
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPS:
            objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                lo, hi = objects[0].left_edge.i, objects[-1].right_edge.i
                return list(doc[lo : hi + 1]), f"speech-noun-{c.lower_}"
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return list(doc[c.left_edge.i : c.right_edge.i + 1]), "speech-noun-to"
    return None


def _noun_clause(doc: Doc, noun: Token, within: tuple[int, int]) -> list[Raw]:
    """ "Trump's claim that ...", "questions about ...", "his vow to ...": a noun cue with its
    content; the source is the possessor, the proper-noun compound, the "by" agent, or the
    subject of a verb that voices the noun ("Clinton restricted comments about ...")."""
    found = _noun_content(doc, noun)
    if found is None:
        return []
    frags = span_of(found[0], within)
    if not frags:
        return []
    raw = Raw("noun-clause", frags, noun, cue_span(noun), evidence=[found[1]])
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    agent = next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
         for g in c.children if g.dep_ == "pobj"),
        None,
    )  # fmt: skip
    if owner is not None:
        raw.subject, raw.source = owner, mention_span(doc, owner)
    elif names:
        raw.subject, raw.source = names[-1], char_span(doc[names[0].left_edge.i : noun.i])
    elif agent is not None:
        raw.subject, raw.source = agent, mention_span(doc, agent)
        raw.evidence.append("source-by-agent")
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in VOICING_VERBS:
        subject = subject_of(noun.head)
        if subject is not None:
            raw.subject, raw.source = subject, mention_span(doc, subject)
            raw.evidence.append("source-voices-noun")
    return [raw]


def _quoted_term(content: str) -> bool:
    """A few words wholly in quote marks ('"sanctuary cities"'): a term, not something said."""
    text = content.strip(" .,")
    marks = "\"'\u201c\u201d\u2018\u2019"
    return len(text) > 1 and text[0] in marks and text[-1] in marks and len(text.split()) <= 4


def _object_core(doc: Doc, lo: int, hi: int) -> list[Token]:
    """The object words without trailing asides: stop at the first comma outside quote marks
    and leave out time/place adjuncts ('called it "a mess" during the debate')."""
    out: list[Token] = []
    quoted = False
    skip_until = -1
    for tok in doc[lo : hi + 1]:
        if is_quote_token(tok):
            quoted = not quoted
        elif tok.text in (",", ";", "—", "--") and not quoted and out:
            break
        if tok.i <= skip_until:
            continue
        if tok.dep_ == "prep" and tok.lower_ in ADJUNCT_PREPS and out:
            skip_until = tok.right_edge.i
            continue
        out.append(tok)
    return out


def _according(doc: Doc, tok: Token, within: tuple[int, int]) -> list[Raw]:
    """ "According to X, ...", "..., according to X, ...": the clause it modifies, without it
    ("That is according to X": the sentence before)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if pobj is None or tok.head is tok:
        return []
    tokens = subtree_span(doc, tok.head, minus=tok.subtree)
    evidence = ["according-to"]
    if all(t.pos_ in ("PRON", "AUX", "PUNCT", "ADV", "PART") for t in tokens):
        sent = doc[tok.i].sent  # only here: a walk over the doc
        if sent.start == 0:
            return []
        tokens = list(doc[sent.start - 1].sent)
        evidence.append("content-in-sentence-before")
    frags = span_of(tokens, within, gaps=True)
    if not frags:
        return []
    return [Raw("according", frags, tok, cue_span(tok), pobj, mention_span(doc, pobj), evidence)]


def _complements(doc: Doc, tok: Token, within: tuple[int, int]) -> list[Raw]:
    """A verb with a clause of content before or after it: a ccomp, or a that- or for-clause
    the parser attached as an adverbial one ("tweeted in the morning that ...", "called for
    the bonus to be clawed back")."""
    speech = is_speech_verb(tok.lemma_.lower())
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and (speech or not _reports(c))]
    if speech:
        clauses += [
            c for c in tok.children
            if c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ in ("that", "for")
        ]  # fmt: skip
    out = []
    for side in (
        c for c in ([c for c in clauses if c.i < tok.i], [c for c in clauses if c.i > tok.i]) if c
    ):
        lo = min(c.left_edge.i for c in side)
        hi = max(c.right_edge.i for c in side)
        frags = span_of(list(doc[lo : hi + 1]), within)
        if frags:
            where = "after" if side[0].i < tok.i else "before"
            out.append(with_source(Raw("ccomp", frags, evidence=[f"ccomp-{where}-cue"]), doc, tok))
    return out


def _reports(clause: Token) -> bool:
    """The clause is itself a speech verb with its subject ('… were made public ― Trump
    boasted, "…"'): the content of a verb that is no cue is not that report (which the
    clause's own verb proposes)."""
    return is_speech_verb(clause.lemma_.lower()) and any(c.dep_ == "nsubj" for c in clause.children)


def _parataxis(doc: Doc, tok: Token, within: tuple[int, int]) -> list[Raw]:
    """A cue hanging off the content clause ("..., another source said"; "The museum, Mr.
    Obama said, would ..."): the clause without the cue's own words."""
    if tok.dep_ != "parataxis" or tok.head.pos_ not in ("VERB", "AUX"):
        return _late_cue(doc, tok, within)
    frags = span_of(subtree_span(doc, tok.head, minus=tok.subtree), within, gaps=True)
    if not frags:
        return []
    return [with_source(Raw("parataxis", frags, evidence=["cue-after-clause"]), doc, tok)]


def _late_cue(doc: Doc, tok: Token, within: tuple[int, int]) -> list[Raw]:
    """A reporting verb that ends the sentence after a comma, which the parser hung on the
    clause before it as a complement: 'The officials named in the audit are Ann Moe and Rob
    Tull, who fled to the coast, a source at the town hall told the Calder Courier' ("told"
    under "are", "a source" in apposition to "Moe", its subject). The content is the whole
    clause, up to the comma; the source the apposition, else the verb's own subject; the scorer
    reads the cue as the parataxis it is. Only a plain report ends such a sentence, after a
    clause with a subject of its own that reports nothing itself ("Calder Radio reported that
    during …, Governor Lund repeated her request" is no late cue). Without these checks the rule
    proposed 12 candidates on PolNeAR train, all wrong; with them, none."""
    if tok.dep_ != "ccomp" or tok.i < tok.head.i or not _plain_report(tok):
        return []
    last = tok.right_edge.i
    while doc[last].is_space:  # the parser hangs a paragraph break on the sentence's last word
        last -= 1
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.text not in (".", "!", "?") and not after.is_space:
        return []
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    appos = next((c for c in subj.children if c.dep_ == "appos"), None) if subj else None
    if appos is not None and appos.right_edge.i == tok.i - 1:
        source, first = appos, appos.left_edge.i
    elif subj is not None and subj.left_edge.i > tok.head.i:
        source, first = subj, subj.left_edge.i
    else:
        return []
    if first == 0 or doc[first - 1].text != "," or source.tag_ in ("WDT", "WP"):
        return []
    gone = set(range(first - 1, tok.right_edge.i + 1))
    content = [t for t in subtree_span(doc, tok.head) if t.i not in gone]
    if not subject_of(tok.head) or any(map(_reports_or_thinks, content)):
        return []  # a clause with no subject of its own, or one that is itself a report
    frags = span_of(content, within, gaps=True)
    if not frags:
        return []
    evidence = ["cue-after-clause", "late-cue"]
    span = mention_span(doc, source)
    return [
        Raw("parataxis", frags, tok, cue_span(tok), source, span, evidence, cue_dep="parataxis")
    ]


def _reports_or_thinks(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and (is_speech_verb(lemma) or lemma in BELIEF_VERBS)


def _plain_report(tok: Token) -> bool:
    """A speech verb in the past or present, with no modal ("told", "says"; not "would say",
    "mentioning")."""
    return (
        tok.tag_ in ("VBD", "VBZ", "VBP")
        and is_speech_verb(tok.lemma_.lower())
        and not any(c.tag_ == "MD" for c in tok.children)
    )


def _objects(doc: Doc, tok: Token, regions: Regions, within: tuple[int, int]) -> list[Raw]:
    """A verb with its object(s): "called the plan a 'disaster'", "urged Dunn to step down",
    "accused X of ...", "has responded with attacks", "what she called a 'rant'" (the content is
    the object, as PolNeAR marks it: "a 'rant'")."""
    objs = [
        c
        for c in tok.children
        if c.i > tok.i
        and (
            c.dep_ in OBJECT_DEPS
            or c.dep_ == "prep"
            and c.lower_ in OBJECT_PREPS
            or c.dep_ == "xcomp"
        )
    ]
    if not objs:
        return []
    lo = min(c.left_edge.i for c in objs)
    hi = max(c.right_edge.i for c in objs)
    frags = span_of(_object_core(doc, lo, hi), within)
    if not frags or _quoted_term(regions.text[frags[0][0] : frags[0][1]]):
        return []
    return [with_source(Raw("object", frags, evidence=["object-of-cue"]), doc, tok)]


def clause_candidates(doc: Doc, tokens: list[Token], regions: Regions) -> list[Raw]:
    """Verb-centred candidates: clausal complements, parataxis, objects, according to; and
    noun cues."""
    out: list[Raw] = []
    dep, offset = doc.to_array(DEP), doc.to_array(HEAD).astype(numpy.int64)
    with_clause = _governors(dep, offset, _CLAUSE_IDS)
    with_object = _governors(dep, offset, _OBJECT_IDS, after=True)
    # a verb proposes only with a complement, an object, or as a parataxis or ccomp itself
    asked = with_clause | with_object | set(numpy.flatnonzero(any_of(dep, _CUE_IDS)).tolist())
    for tok in tokens:
        if tok.i not in asked and tok.pos_ in ("VERB", "AUX") and tok.lower_ != "according":
            continue  # (4,055 of the 12,737 verbs over PolNeAR dev)
        within = regions.spans[regions.index(tok.idx) or 0]
        if tok.lower_ == "according":
            out.extend(_according(doc, tok, within))
        elif tok.pos_ == "NOUN":
            out.extend(_noun_clause(doc, tok, within))
        elif tok.pos_ in ("VERB", "AUX"):
            found = _complements(doc, tok, within) if tok.i in with_clause else []
            found = found or _parataxis(doc, tok, within)
            if not found and tok.i in with_object:
                found = _objects(doc, tok, regions, within)
            out.extend(found)
    return out


_CLAUSE_IDS = [get_string_id(label) for label in ("ccomp", "advcl")]  # what _complements reads
_OBJECT_IDS = [get_string_id(label) for label in (*OBJECT_DEPS, "prep", "xcomp")]  # _objects
_CUE_IDS = [get_string_id(label) for label in ("parataxis", "ccomp")]  # _parataxis, _late_cue


def _governors(
    dep: numpy.ndarray, offset: numpy.ndarray, labels: list[int], *, after: bool = False
) -> set[int]:
    """The tokens with a child of one of the labels (after them, with ``after``): the others
    propose no complement or object, and are not asked (walking the children of each of
    ~12,700 verbs over PolNeAR dev, most to find none, cost 0.04 s)."""
    mask = any_of(dep, labels)
    if after:
        mask &= offset < 0  # HEAD is the head's offset: a child after its head points back
    return set((numpy.flatnonzero(mask) + offset[mask]).tolist())


def colon_candidates(
    doc: Doc, tokens: list[Token], regions: Regions, sents: list[tuple[int, int]]
) -> list[Raw]:
    """``Name: what they said`` at the start of a sentence (headlines, interview transcripts);
    at the start of a paragraph the whole paragraph is what they said."""
    out: list[Raw] = []
    for tok in tokens:
        sent_start, sent_end = sents[tok.i]
        if tok.text != ":" or tok.i == sent_start or tok.i - sent_start > 5:
            continue
        lead = [t for t in doc[sent_start : tok.i] if not is_quote_token(t)]
        if not lead or not any(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in lead):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in lead):
            continue
        region = regions.spans[regions.index(tok.idx) or 0]
        kind, end = "colon-name", sent_end
        if not regions.text[region[0] : lead[0].idx].strip("\"\u201c\u201d' "):
            kind = "colon-paragraph"
            while end < len(doc) and doc[end].idx < region[1]:
                end += 1
        rest = list(doc[tok.i + 1 : end])
        frags = span_of(rest, region)
        src = char_span(lead)
        if len(rest) >= 3 and frags and src:
            head = max(lead, key=lambda t: t.pos_ == "PROPN")
            colon = (tok.idx, tok.idx + 1)
            out.append(Raw(kind, frags, tok, colon, head, src, ["name-colon-lead-in"]))
    return out


_SPEECH_NOUN_IDS = frozenset(get_string_id(noun) for noun in SPEECH_NOUNS)


def rule_starts(doc: Doc, regions: Regions) -> list[Token]:
    """The tokens the clause and colon rules can start from, in text order and in the read
    regions: verbs, nouns heading a clause, "according" and colons. Chosen over arrays, since
    making a Token of every word cost more than the rules themselves."""
    if not len(doc):
        return []
    pos, lower, orth, dep, lemma, idx = doc.to_array([POS, LOWER, ORTH, DEP, LEMMA, IDX]).T
    head = doc.to_array(HEAD).astype(numpy.int64)  # offset to the head, may be negative
    strings = doc.vocab.strings
    noun_clauses = numpy.zeros(len(doc), dtype=bool)
    clause = any_of(dep, [strings["acl"], strings["relcl"], strings["ccomp"]]) & (head < 0)
    noun_clauses[numpy.flatnonzero(clause) + head[clause]] = True  # HEAD is relative
    wanted = (
        any_of(pos, [strings["VERB"], strings["AUX"]])
        | (pos == strings["NOUN"]) & (noun_clauses | _speech_nouns(lemma))
        | (lower == strings["according"])
        | (orth == strings[":"])
    )
    found = zip(numpy.flatnonzero(wanted).tolist(), idx[wanted].tolist(), strict=True)
    return [doc[i] for i, at in found if regions.index(at) is not None]  # a Token of those


def _speech_nouns(lemma: numpy.ndarray) -> numpy.ndarray:
    """Which tokens have a speech noun's lemma, by a set test of each hash (numpy.isin sorted
    the doc's lemmas with the 45 nouns')."""
    return numpy.fromiter((word in _SPEECH_NOUN_IDS for word in lemma.tolist()), bool, len(lemma))
