"""The speakers step: resolve each candidate's source to a speaker record of the article.

Candidates are taken in text order. A source written at the quote is resolved by the
``Resolver`` (names, pronouns, roles, bodies, groups); a direct quote with no source of its
own that follows another speaker's quote (the next paragraph at most) continues that quote.
Each quote keeps the source *as written* as ``speaker_mention`` and links to one ``Speaker``
record per real speaker; a quote that the article says answers someone records whom
(``answers``), and each speaker is labelled as a source (named or anonymous, role, gender as
the article gives it: ``sources``).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from saidwhat.quotes.candidate import UNATTRIBUTED, QuoteCandidate
from saidwhat.quotes.spans import SpanIndex
from saidwhat.records import Article, Quote, Span, Speaker
from saidwhat.speakers.answers import find_answers
from saidwhat.speakers.confidence import confidence
from saidwhat.speakers.dialogue import Turn, other_party
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.labels import LABEL_EVIDENCE, LabelResolver
from saidwhat.speakers.resolve import Resolution, Resolver
from saidwhat.speakers.roster import Roster
from saidwhat.speakers.sources import label_article

INHERITED = 0.6  # how much of the previous quote's certainty a continuation keeps
NO_SOURCE = 0.3  # the certainty of a quote without a source
_TITLE_CASE_SECTIONS = ("headline", "kicker", "heading")


def attribute(
    doc: Doc, article: Article, candidates: list[QuoteCandidate], *, calibrated: bool = True
) -> Article:
    """Fill ``article.quotes`` and ``article.speakers`` from the candidates
    (``calibrated=False``: raw confidences, for fitting the calibration table). A quote
    without a speaker keeps its raw confidence, quote score times ``NO_SOURCE``: the table is
    read off attributions, and a quotation no cue claims is none."""
    text = article.text
    headlines = [(s.start, s.end) for s in article.sections if s.kind in _TITLE_CASE_SECTIONS]
    resolver = Resolver(doc, article, Roster(doc, headlines))
    labels = LabelResolver(resolver)
    paragraph_starts = [s for s, _ in article.paragraphs] or [0]
    built: list[tuple[QuoteCandidate, Quote, Entity | None, float]] = []
    contents: SpanIndex[tuple[QuoteCandidate, Entity | None]] = SpanIndex()
    for candidate in sorted(candidates, key=lambda c: (c.start, c.end)):
        evidence = list(candidate.evidence)
        mention = _valid(text, candidate.source)
        if mention is not None and LABEL_EVIDENCE in candidate.evidence:
            resolution = labels.resolve(mention)
        elif mention is not None:
            enclosing = _enclosing_speaker(contents, mention)
            resolution = resolver.resolve(mention, enclosing, candidate.fragments)
        elif UNATTRIBUTED in candidate.evidence:
            resolution = Resolution(None, NO_SOURCE, ["no source found for this quote"])
        else:
            resolution, mention = _continuation(built, candidate, paragraph_starts, text)
        evidence.extend(resolution.evidence)
        quote = Quote(
            id=f"q{len(built) + 1}",
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            fragments=sorted(candidate.fragments),
            type=candidate.type,
            section=candidate.section,
            cue=_span(text, _valid(text, candidate.cue)),
            speaker_mention=_span(text, mention),
            confidence=confidence(
                candidate.score, resolution.certainty, calibrated and resolution.entity is not None
            ),
            evidence=evidence,
        )
        built.append((candidate, quote, resolution.entity, resolution.certainty))
        entry = (candidate, resolution.entity)
        for fragment in candidate.fragments:
            contents.add(entry, fragment)
    speakers = _speakers(text, [entity for *_, entity, _ in built])
    ids = {id(entity): speaker.id for entity, speaker in speakers}
    quotes = []
    for _, quote, entity, _ in built:
        quote.speaker_id = ids.get(id(entity)) if entity is not None else None
        later = resolver.named_later.get(id(entity)) if entity is not None else None
        if later and any("no name for it" in e for e in quote.evidence):
            quote.evidence.append(later)  # 'Press Secretary' -> 'Sanders': named afterwards
        quotes.append(quote)
    pairs = [(quote, entity) for _, quote, entity, _ in built]
    for quote_id, answer in find_answers(doc, resolver, pairs, ids, article.paragraphs).items():
        next(q for q in quotes if q.id == quote_id).answers = answer
    found = article.model_copy(update={"quotes": quotes, "speakers": [s for _, s in speakers]})
    return label_article(found)


def _continuation(
    built: list[tuple[QuoteCandidate, Quote, Entity | None, float]],
    candidate: QuoteCandidate,
    paragraph_starts: list[int],
    text: str,
) -> tuple[Resolution, tuple[int, int] | None]:
    """A quote without its own source continues the previous quote when it is (at least
    partly) in quote marks and starts in the same or the next paragraph; in a dialogue, the
    answer to a question goes to the other party (``dialogue.other_party``)."""
    if not built or candidate.type == "indirect":
        return Resolution(None, NO_SOURCE, ["no source found for this quote"]), None
    turns = [Turn(quote, entity, certainty) for _, quote, entity, certainty in built[-2:]]
    said = text[candidate.start : candidate.end]
    source = other_party(turns, said, candidate.start, paragraph_starts)
    if source is not None and source.quote.speaker_mention is not None:
        why = (
            f"a turn of a dialogue after {turns[-1].quote.id} -> '{source.speaker.name}' "
            "(the other party of the question and its answer)"
        )
    else:
        source = turns[-1]
        gap = bisect_right(paragraph_starts, candidate.start) - bisect_right(
            paragraph_starts, source.quote.end
        )
        if source.speaker is None or gap > 1 or source.quote.speaker_mention is None:
            return Resolution(None, NO_SOURCE, ["no source found for this quote"]), None
        why = (
            f"continues the quote before it (q{len(built)}) -> '{source.speaker.name}' "
            "(same speaker)"
        )
    mention = (source.quote.speaker_mention.start, source.quote.speaker_mention.end)
    source.speaker.add_mention(mention)
    evidence = [f"no source at the quote: {why}"]
    return Resolution(source.speaker, source.certainty * INHERITED, evidence), mention


def _enclosing_speaker(
    contents: SpanIndex[tuple[QuoteCandidate, Entity | None]], mention: tuple[int, int]
) -> Entity | None:
    """The speaker of the last earlier quote whose content holds this source ('I' inside a
    quote); ``contents`` holds the earlier quotes by their fragments."""
    for candidate, entity in reversed(contents.near(mention)):
        if any(s <= mention[0] and mention[1] <= e for s, e in candidate.fragments):
            return entity
    return None


def _speakers(text: str, entities: list[Entity | None]) -> list[tuple[Entity, Speaker]]:
    """One Speaker record per distinct entity, ids in order of first quote. A suffix ("Jr.")
    is kept apart from the name, and shown only where two speakers would share a name."""
    distinct: list[Entity] = []
    seen: set[int] = set()
    for entity in entities:
        if entity is not None and id(entity) not in seen:
            seen.add(id(entity))
            distinct.append(entity)
    names = [e.name for e in distinct]
    out: list[tuple[Entity, Speaker]] = []
    for entity in distinct:
        name = entity.name
        if entity.suffix and names.count(name) > 1:
            name = f"{name} {entity.suffix}"
        mentions = [Span(text=text[s:e], start=s, end=e) for s, e in sorted(entity.mentions)]
        speaker = Speaker(
            id=f"s{len(out) + 1}",
            name=name,
            kind=entity.kind,
            titles=list(entity.titles),
            affiliations=list(entity.affiliations),
            mentions=mentions,
        )
        out.append((entity, speaker))
    return out


def _span(text: str, span: tuple[int, int] | None) -> Span | None:
    return Span(text=text[span[0] : span[1]], start=span[0], end=span[1]) if span else None


def _valid(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A span that holds some text of the article, else None (never trust offsets blindly)."""
    if span is None or not (0 <= span[0] < span[1] <= len(text)):
        return None
    return span if text[span[0] : span[1]].strip() else None
