"""Publication dates written in the text: a line near the top that is only a date (and time),
with an optional label ("Published March 3, 2026", "Updated 3:04 PM EST, March 3, 2026",
"Tuesday, March 3, 2026", "2026-03-03").

A whole line must be a date, so that a date mentioned in a sentence ("the board meets again on
May 14, 2026") is never taken for the article's; the caller only offers lines above the body.

This module is the one reader of date formats: ``normalise_published`` gives the store its day
key for an ``Article.published`` value through the same grammar, so a date written in the text
and the same date given as metadata are read alike.

Numeric dates with slashes ('03/04/2026') are written month first in the US and day first in
the UK, Europe and most other places, and a line does not say which. In a date LINE the outlet
chose the form and a journalist comparing US and non-US outlets would never see it reread, so a
slash date gives its day only when that day is the same either way: a part above 12 decides
('13/04/2026' and '04/13/2026' are both April 13) and equal parts need no decision
('03/03/2026'). When both parts are 12 or less and differ, the line is still a date line (page
furniture, not body) but gives no day (``DateLine.iso`` is None): the publication date then
comes from another date line or stays unknown, never a month off without a trace. Year first
('2026/03/04') is March 4 everywhere. Settling it from the outlet or the article's other dates
is left out, so that the rule can be predicted from the line alone.

``normalise_published`` reads a ``published`` VALUE that may be either way month first (March
4), as the store always has (store.text.iso_date used '%m/%d/%Y'), so stored day keys do not
move. Pages, crawls and feeds give machine-written values (ISO 8601, RFC 2822); a slash value
comes from a user (a corpus CSV/JSONL field, the API), in one form for the whole file, and is
stored as given beside its day where it can be checked; day-first files should give ISO dates.
A slash value that can be read only one way reads as in a date line ('13/04/2026': April 13).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
LABEL = r"(?:(?:first|originally|last)\s+)?(?:published|updated|posted|modified)"

ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3}
ZONES.update({"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6})
ZONES.update({"PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10})
"""Zones news pages print, as hours from UTC; another zone ('ET') leaves the time without one."""

_DAY = (
    rf"(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<ymd>\d{4}/\d{1,2}/\d{1,2})|(?P<slashed>\d{1,2}/\d{1,2}/\d{4})"  # day or month first
)
_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::\d{2})?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?P<zone>(?-i:[A-Z]{1,4}))"
    r"|\s+(?P<offset>[+-](?:0\d|1[0-4]):?[0-5]\d))?"
)
_SEP = r"(?:\s*[,|/·•\-—–]\s*|\s+)(?:at\s+|on\s+)?"
_ISO_TIME = (
    r"(?P<isodt>\d{4}-\d{2}-\d{2})[T ](?P<isohour>\d{2}):(?P<isominute>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<isozone>Z|[+-]\d{2}:?\d{2})?"
)
_ISO_START = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
DATE_LINE = re.compile(
    rf"(?:(?P<label>{LABEL})\s*:?\s*(?:on\s+)?)?(?:{WEEKDAY},?\s+)?"
    rf"(?:{_ISO_TIME}"
    rf"|(?:{_DAY})(?:{_SEP}{_TIME.replace('?P<', '?P<a_')})?"
    rf"|{_TIME.replace('?P<', '?P<b_')}{_SEP}(?:{WEEKDAY},?\s+)?"
    rf"(?:{_DAY.replace('?P<', '?P<b_')}))\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateLine:
    """A date line read: its ISO 8601 value (None for a slash date that may be day or month
    first) and whether it only says when it was updated."""

    iso: str | None
    updated: bool


def read_date_line(text: str, *, month_first: bool = False) -> DateLine | None:
    """The date a line consists of, or None when the line is anything more than a date.
    ``month_first`` reads '03/04/2026' as March 4 instead of giving no day (metadata only)."""
    match = DATE_LINE.fullmatch(text.strip())
    if not match:
        return None
    found = {k: v for k, v in match.groupdict().items() if v is not None}
    label = (found.get("label") or "").lower()
    updated = any(word in label for word in ("updated", "modified"))
    if "isodt" in found:
        iso = _iso_datetime(found)
    else:
        prefix = "b_" if "b_hour" in found else ""
        day = _day({k.removeprefix(prefix): v for k, v in found.items() if k.startswith(prefix)})
        clock = "a_" if "a_hour" in found else prefix
        iso = day and _with_time(day, {k.removeprefix(clock): v for k, v in found.items()})
        if iso and not month_first and len(_slash_days(found.get(f"{prefix}slashed"))) > 1:
            return DateLine(None, updated)
    return DateLine(iso, updated) if iso else None


def published_date(lines: list[str]) -> str | None:
    """The publication date among the header lines given: the first date that is not only an
    update time, else the first update time."""
    read = [found for found in map(read_date_line, lines) if found and found.iso]
    first = next((d for d in read if not d.updated), None) or next(iter(read), None)
    return first.iso if first else None


def normalise_published(published: str | None) -> str | None:
    """'YYYY-MM-DD' (or 'YYYY-MM') of an ``Article.published`` value as given, the store's sortable
    day key; None when unreadable (never raises: a bad date must not stop an ingest).

    Read in turn: an ISO 8601 start ('2026-03', '2026-03-03T23:30:00-05:00', anything after the
    day ignored, as metadata fields carry), anything a date line is (labels, month names,
    weekdays, times, zones, '2026/03/03', '03/04/2026' month first: see the module docstring),
    and RFC 2822 headers (RSS, e-mail) with the obsolete forms date lines do not take (two-digit
    years, comments).

    Time zones: the day is the calendar day as written, in the writer's own zone, never
    converted to UTC: '2026-03-03T23:30-05:00' is March 3 (UTC's would be March 4). That is
    the day a reader of the page saw, and it keeps the day ``read_date_line`` writes in front
    of its time-and-offset value, which the structure step passes on unconverted.
    """
    value = (published or "").strip()
    start = _ISO_START.match(value)
    if start:
        year, month, day = start.groups()
        try:
            return date(int(year), int(month), int(day or 1)).isoformat()[: 10 if day else 7]
        except ValueError:
            return None
    line = read_date_line(value, month_first=True) if value else None
    if line and line.iso:
        return line.iso[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _day(found: dict[str, str]) -> date | None:
    try:
        if "iso" in found:
            return date.fromisoformat(found["iso"])
        if "ymd" in found:
            year, number, day = found["ymd"].split("/")
            return date(int(year), int(number), int(day))
        if "slashed" in found:
            return next(iter(_slash_days(found["slashed"])), None)
        month = found.get("month") or found["month2"]
        year, day = found.get("year") or found["year2"], found.get("day") or found["day2"]
        return date(int(year), _MONTH_NUMBERS[month[:3].lower()], int(day))
    except (KeyError, ValueError):
        return None


def _slash_days(slashed: str | None) -> list[date]:
    """The days a 'first/second/year' date can be: month first, then day first, each once."""
    if not slashed:
        return []
    first, second, year = map(int, slashed.split("/"))
    days = []
    for month, day in ((first, second), (second, first)):
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    return list(dict.fromkeys(days))


def _with_time(day: date, found: dict[str, str]) -> str | None:
    """'2026-03-03' alone, or '2026-03-03T15:04-05:00' when a clock time (and zone) is given.
    A bare number after the date without minutes or am/pm is not a time: no date then."""
    if "hour" not in found:
        return day.isoformat()
    hour, minute = int(found["hour"]), int(found.get("minute") or 0)
    ampm = found.get("ampm", "").lower()[:1]
    if not ampm and "minute" not in found:
        return None
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=_zone(found)).isoformat(
        timespec="minutes"
    )


def _zone(found: dict[str, str]) -> tzinfo | None:
    """The zone of a time: a known name or a numeric offset ('-0500', '+05:30' as in RFC 2822
    and ISO 8601), else None (no zone, or a name we cannot place)."""
    if "offset" in found:
        return datetime.strptime(found["offset"], "%z").tzinfo
    hours = ZONES.get(found.get("zone", "").upper())
    return None if hours is None else timezone(timedelta(hours=hours))


def _iso_datetime(found: dict[str, str]) -> str | None:
    value = f"{found['isodt']}T{found['isohour']}:{found['isominute']}{found.get('isozone', '')}"
    try:
        return datetime.fromisoformat(value).isoformat(timespec="minutes")
    except ValueError:
        return None


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
