"""Hand-built Article records (invented people and places) for testing the store's own logic:
speaker merging and clustering get exactly the speakers and quotes they are about."""

from __future__ import annotations

from saidwhat.records import Article, Quote, Span, Speaker


def person(sid: str, name: str, titles=(), affiliations=(), kind: str = "person") -> Speaker:
    return Speaker(
        id=sid,
        name=name,
        kind=kind,
        titles=list(titles),
        affiliations=list(affiliations),
        mentions=[Span(text=name, start=0, end=len(name))],
    )


def article(
    aid: str,
    said: list[tuple[Speaker | None, str]],
    *,
    source: str = "Harbour Gazette",
    published: str = "2024-03-01",
    url: str | None = None,
    qtype: str = "direct",
) -> Article:
    """An article whose body is the quotes, each attributed to its speaker (None: to nobody
    the article names)."""
    parts, quotes, speakers = [], [], {}
    pos = 0
    for n, (speaker, words) in enumerate(said):
        line = f'"{words}," {speaker.name if speaker else "someone"} said.'
        parts.append(line)
        quotes.append(
            Quote(
                id=f"q{n}",
                text=words,
                start=pos + 1,
                end=pos + 1 + len(words),
                fragments=[(pos + 1, pos + 1 + len(words))],
                type=qtype,
                speaker_id=speaker.id if speaker else None,
                confidence=0.9,
            )
        )
        if speaker:
            speakers[speaker.id] = speaker
        pos += len(line) + 2
    text = "\n\n".join(parts)
    return Article(
        id=aid,
        source=source,
        url=url,
        published=published,
        origin=f"test:{aid}",
        text=text,
        paragraphs=[],
        quotes=quotes,
        speakers=list(speakers.values()),
    )
