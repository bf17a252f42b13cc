"""What every argument finder needs to know about the article, computed once per article.

The entity each token belongs to (through the entities' mentions); for a
pronoun, what the attribution stage's resolver makes of it (computed only
when a party is a pronoun: it costs a pass over the whole parse), and for
"I"/"we" inside a statement, its speaker; and the article's main country,
which an agent or person with no country of its own is taken to belong to.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Entity

_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
_NEUTER = frozenset({"it", "its"})
_GROUP = frozenset({"they", "them", "their"})
_FIRST = frozenset({"i", "me", "my", "we", "us", "our"})
_LOOK_BACK = 2  # sentences before a pronoun's own that the fallback searches
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS"})


@dataclass(slots=True)
class Context:
    """An article, its parse and the lookups the argument finders share."""

    article: Article
    doc: Doc
    entity_at: list[Entity | None]  # per token: the entity whose mention holds it
    starts: list[int]  # per token: its character offset
    _pronouns: dict[int, str | None] | None = field(default=None, repr=False)
    _counts: dict[str, int] | None = field(default=None, repr=False)

    def entity(self, tok: Token) -> Entity | None:
        """The entity a token is part of, a third-person pronoun resolved to its referent."""
        found = self.entity_at[tok.i]
        if found is None and tok.pos_ == "PRON":
            if tok.lower_ in _FIRST:
                return self._speaker(tok)
            eid = self.pronouns().get(tok.i)
            found = self.by_id(eid) if eid else self._nearest(tok)
        return found

    def _speaker(self, pronoun: Token) -> Entity | None:
        """The speaker of the innermost statement whose content holds "I" or "we"."""
        at = pronoun.idx
        holding = [q for q in self.article.quotes if q.content.start <= at < q.content.end]
        holding.sort(key=lambda q: q.content.end - q.content.start)
        for quote in holding:
            if quote.speaker is not None and quote.speaker.entity:
                return self.by_id(quote.speaker.entity)
        return None

    def country(self, besides: frozenset[str] = frozenset()) -> str | None:
        """The country the article is most about: the most mentioned one among its entities.

        `besides` leaves countries out: an actor with no country of its own
        is seldom of the country its own event is done to ("Trump targeted
        Mexico"), though that is often the one a short article names most.
        """
        if self._counts is None:
            self._counts = {}
            for ent in self.article.entities:
                code = next((c["country"] for c in ent.codes if c.get("country")), "")
                if code and code not in _NOT_COUNTRIES:
                    self._counts[code] = self._counts.get(code, 0) + len(ent.mentions)
        counts = {c: n for c, n in self._counts.items() if c not in besides}
        return max(counts, key=lambda c: counts[c]) if counts else None

    def _nearest(self, pronoun: Token) -> Entity | None:
        """The nearest agreeing entity before a pronoun, in its sentence or the two before.

        The fallback for pronouns the resolver leaves open because two referents
        score alike: a speaker had better be left unknown than wrong, but an
        event's actor is mostly the nearest ("punishing Russia for its seizure"),
        and two close candidates often share the country that is coded.
        """
        word = pronoun.lower_
        people = word in _PERSONAL
        if not people and word not in _NEUTER | _GROUP:
            return None
        sent = pronoun.sent
        for _ in range(_LOOK_BACK):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        for i in range(pronoun.i - 1, sent.start - 1, -1):
            ent = self.entity_at[i]
            if ent is not None and ent.type != "NORP" and (ent.type == "PERSON") == people:
                return ent
        return None

    def token_at(self, offset: int) -> Token:
        """The token that holds a character offset (or the one before it)."""
        return self.doc[max(bisect.bisect_right(self.starts, offset) - 1, 0)]

    def by_id(self, eid: str) -> Entity | None:
        """The article's entity with this id."""
        return next((e for e in self.article.entities if e.id == eid), None)

    def pronouns(self) -> dict[int, str | None]:
        """Token id of every third-person pronoun → the entity id it stands for (or None)."""
        if self._pronouns is None:
            from newsgraph.analyse.attribution.speakers import referents

            none = [-1] * len(self.doc)
            self._pronouns = referents(self.doc, self.article.text, self.article.entities, [], none)
        return self._pronouns


def context(article: Article, doc: Doc) -> Context:
    """The shared lookups of one article and its parse."""
    starts = [t.idx for t in doc]
    entity_at: list[Entity | None] = [None] * len(doc)
    for ent in article.entities:
        for m in ent.mentions:
            i = bisect.bisect_left(starts, m.start)
            while i < len(doc) and starts[i] < m.end:
                entity_at[i] = ent
                i += 1
    return Context(article, doc, entity_at, starts)
