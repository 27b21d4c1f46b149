"""Bodies and documents as sources: "the Trump campaign", "the department", "the bank", "the
state", a named organisation, "a new report by Politico". Each is read from the mention's
head and the bodies the article names (``speakers.bodies``), for the resolver."""

from __future__ import annotations

from spacy.tokens import Span

from saidwhat.lang.names import clean
from saidwhat.speakers.discourse import WINDOW_PARAGRAPHS, Discourse, Resolution
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.phrases import document_name

OWNED_BODIES = {"campaign", "administration", "team", "camp", "government"}
PLACE_HEADS = {"state", "city", "country", "county", "town", "nation"}


def document_of(reader: Discourse, mention: Span) -> Resolution:
    """A report, poll, ad or statement that says something: its own kind of speaker,
    named by whose it is and what it is ("a new report by Politico" -> "Politico
    report"), its wording kept in the mention."""
    name = document_name(mention)
    found = reader.documents.get(name.lower())
    if found is None and mention[0].lower_ in ("the", "this", "that") and name == mention.root.text:
        found = _document_before(reader, mention)  # "The ad" after "a web video by the RNC"
    if found is None:
        found = reader.documents[name.lower()] = Entity(name=name, kind="document", named=False)
    return Resolution(found, 0.7, [f"document '{name}' (says it, no person)"])


def _named_in_item(reader: Discourse, body: Entity, at: int) -> bool:
    """Whether the body is named in the item of a roundup that holds ``at`` (the whole
    article when it has no items): "The campaign says" in AP's 7:45 a.m. item on Clinton is
    hers, whoever's campaign an earlier item named."""
    item = reader.roster.item_start(at)
    return item == 0 or any(item <= s < at for s, _ in body.mentions)


# Document words that name the same kind of thing ("the ad" is the web video just spoken of)
_DOCUMENT_KINDS = [
    {"ad", "ads", "advertisement", "video", "clip", "spot", "commercial"},
    {"report", "study", "analysis", "survey", "poll", "review", "audit"},
    {"statement", "release", "announcement"},
    {"book", "memoir"},
    {"complaint", "lawsuit", "filing", "brief", "petition"},
]


def _document_before(reader: Discourse, mention: Span) -> Entity | None:
    """The document that spoke last before a bare definite one of its kind, if in reach."""
    head = mention.root.lower_
    kind = next((k for k in _DOCUMENT_KINDS if head in k), {head})
    for start, entity in reversed(reader.history):
        if start >= mention.start_char:
            continue
        if reader.paragraph(mention.start_char) - reader.paragraph(start) > WINDOW_PARAGRAPHS:
            return None
        if entity.kind == "document" and entity.name.split()[-1].lower() in kind:
            return entity
    return None


def body_of(reader: Discourse, mention: Span, written: str, head: str) -> Resolution:
    """'the Trump campaign', 'the department', 'The bank' -> the body meant: named by the
    proper words before its head, else the body named nearby with that head word, else the
    campaign (administration, team) of the person spoken of last."""
    start, end = mention.start_char, mention.end_char
    owners = [t for t in mention if t.pos_ == "PROPN" and t.i < mention.root.i]
    if owners:
        name = reader.doc[owners[0].i : mention.root.i + 1].text
        name = name.replace("\u2019s", "").replace("'s", "")
        body = reader.roster.organization(name, (start, end))
        return Resolution(body, 0.85, [f"body '{clean(written)}' -> '{body.name}'"])
    body = reader.roster.organization_by_head(head, start)
    if body is not None and _named_in_item(reader, body, start):
        return Resolution(body, 0.8, [f"body '{written}' -> '{body.name}' (named nearby)"])
    if head in PLACE_HEADS:
        place = reader.roster.place_near(start)
        if place is not None:
            body = reader.roster.organization(place)
            return Resolution(body, 0.6, [f"'{clean(written)}' -> '{place}' (named before)"])
    if head in OWNED_BODIES:
        owner = reader.last_person(start)
        if owner is not None:
            name = f"{owner.name.split()[-1]} {head}"
            body = reader.roster.organization(name, (start, end))
            why = f"'{clean(written)}' -> '{name}' ({owner.name} spoken of last)"
            return Resolution(body, 0.7, [why])
    nearest = reader.roster.body_before(start)
    if nearest is not None and head not in OWNED_BODIES:
        why = f"body '{clean(written)}' -> '{nearest.name}' (the body named just before)"
        return Resolution(nearest, 0.6, [why])
    body = reader.roster.organization(written, (start, end), named=False)
    return Resolution(body, 0.6, [f"body '{written}' (not named in the article)"])


def organization_in(reader: Discourse, start: int, end: int) -> Resolution | None:
    """A body named by an entity of the mention: the one at its head, else the first
    organisation; a plural head ("two of England's hospital groups") is a group."""
    span = reader.doc.char_span(start, end, alignment_mode="expand")
    ents = reader.roster.ents_within(span) if span else []
    ents = [e for e in ents if e.label_ in ("ORG", "FAC", "GPE", "NORP")]
    head = [e for e in ents if e.start <= span.root.i < e.end] if ents else []
    if not head and span is not None and span.root.tag_ in ("NNS", "NNPS"):
        return None
    ranked = head + sorted(ents, key=lambda e: e.label_ not in ("ORG", "FAC"))
    for ent in ranked:
        if ent.label_ == "NORP":
            return reader._group(start, end) if ent.text.lower().endswith("s") else None
        body = reader.roster.organization(ent.text)
        return Resolution(body, 0.95, [f"body '{ent.text}' (named entity {ent.label_})"])
    body = reader.roster.known_organization(reader.text[start:end])
    if body is not None:
        return Resolution(body, 0.95, [f"body '{body.name}'"])
    return None
