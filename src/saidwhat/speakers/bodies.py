"""The bodies and places an article names: each body once under its key (``lang.orgs``),
with every mention; found by name, by head word ("the department"), as the body named just
before ("the bank"), by acronym ("AROS"), or as the body a role implies (a press secretary's
White House, a mayor's city)."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from saidwhat.lang import titles as tl
from saidwhat.lang.names import clean
from saidwhat.lang.orgs import org_key
from saidwhat.speakers.entity import Entity

ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,9}")
NEAR = 400  # characters: "the bank" this close after a body's name means it


class Bodies:
    """The article's bodies and places (the roster's other half)."""

    def __init__(self) -> None:
        self._orgs: dict[str, Entity] = {}
        self._places: list[tuple[int, str]] = []
        # the bodies' mentions by position, (start, end, id of the body), and the keys of
        # _orgs naming each body with their order: bodies_within read every mention of every
        # body, and a page of 8,000 people with a body each asked 8,000 times
        self._by_place: list[tuple[int, int, int]] = []
        self._heard: list[tuple[int, int, int]] = []  # mentions added since (Entity.heard)
        self._keys: dict[int, list[str]] = {}
        self._rank: dict[str, int] = {}

    def bodies_within(self, start: int, end: int) -> list[str]:
        """The bodies and places the article names inside [start, end), in the order of
        ``_orgs`` (a body under two keys twice)."""
        for mention in self._heard:
            insort(self._by_place, mention)
        self._heard.clear()
        inside = self._by_place[
            bisect_left(self._by_place, (start,)) : bisect_left(self._by_place, (end + 1,))
        ]  # a mention ends after it starts: none starting after ``end`` ends before it
        keys = sorted(
            {key for s, e, body in inside if e <= end for key in self._keys[body]},
            key=self._rank.__getitem__,
        )
        return [self._orgs[key].name for key in keys] + [
            p for s, p in self._places if start <= s < end
        ]

    def name_body(self, key: str, org: Entity) -> None:
        """``_orgs[key] = org``, with the keys of each body kept."""
        if key in self._orgs:
            self._keys[id(self._orgs[key])].remove(key)
        else:
            self._rank[key] = len(self._rank)
        self._orgs[key] = org
        self._keys.setdefault(id(org), []).append(key)

    def long_form(self, acronym: str, at: int) -> Entity | None:
        """The body an acronym stands for: the one written just before it in parentheses
        ("Alliance to Reclaim Our Schools (AROS)"), else the one whose capitalised words
        give its letters ("International Monetary Fund" for "IMF")."""
        letters = acronym.replace(".", "").replace("&", "")
        for org in self._orgs.values():
            initials = "".join(w[0] for w in org.name.split() if w[:1].isupper())
            if initials == letters and org.named:
                return org
        return None

    def role_bodies(self, title: str, at: int) -> list[str]:
        """The body a role implies, when the article names it: a press secretary's White
        House, an attorney general's Justice Department, a mayor's city (nearest place)."""
        key = title.lower()
        bodies = [
            self._orgs[org_key(b)].name
            for b in tl.ROLE_BODY.get(key, ())
            if org_key(b) in self._orgs
        ]
        if key in tl.PLACE_ROLES:
            place = self.place_near(at)
            bodies += [place] if place else []
        return bodies

    def _expand_body(self, body: str) -> str:
        """'Trump' in 'Trump spokeswoman' -> 'Trump administration' when the article names
        a body after that word (the most mentioned one); else the word itself."""
        if org_key(body) in self._orgs:
            return self._orgs[org_key(body)].name
        prefix = body.lower() + " "
        bodies = [o for k, o in self._orgs.items() if k.startswith(prefix)]
        return max(bodies, key=lambda o: len(o.mentions)).name if bodies else body

    def body_before(self, at: int, within: int = NEAR) -> Entity | None:
        """The named body mentioned last before ``at``, if within ``within`` characters ("the
        bank" a sentence after "Wells Fargo")."""
        best = None
        for org in self._orgs.values():
            if not org.named:
                continue
            last = max((s for s, _ in org.mentions if s < at), default=-1)
            if last >= 0 and at - last <= within and (best is None or last > best[0]):
                best = (last, org)
        return best[1] if best else None

    def place_near(self, at: int) -> str | None:
        """The place named nearest before ``at`` (else the first after): a mayor's city."""
        before = [p for s, p in self._places if s < at]
        if before:
            return before[-1]
        return self._places[0][1] if self._places else None

    # -- bodies -----------------------------------------------------------------------------
    def organization(
        self, text: str, span: tuple[int, int] | None = None, *, named: bool = True
    ) -> Entity:
        """The body with this name (created on first sight), with the mention recorded;
        ``named=False`` for a body known only by a description ("the bank")."""
        key = org_key(text)
        org = self._orgs.get(key)
        if org is None:
            org = Entity(name=clean(text), kind="organization", named=named, heard=self._heard)
            self.name_body(key, org)
            self.entities.append(org)
        if span:
            org.add_mention(span)
        return org

    def known_organization(self, text: str) -> Entity | None:
        return self._orgs.get(org_key(text))

    def organization_by_head(self, head: str, at: int) -> Entity | None:
        """'the department' -> the body whose name has that head word, nearest before ``at``."""
        head = head.lower()
        found = [o for k, o in self._orgs.items() if head in k.split() and o.mentions]
        if not found:
            return None
        return max(
            found, key=lambda o: (max((s for s, _ in o.mentions if s < at), default=-1), o.first)
        )
