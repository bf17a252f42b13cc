"""What every argument finder needs to know about the article, computed once per article.

The entity each token belongs to (through the entities' mentions) and, only
when a party is a pronoun, what the attribution stage's pronoun resolver
makes of it: most articles have few pronoun actors, and resolving every
pronoun costs a pass over the whole parse.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Entity

_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
_NEUTER = frozenset({"it", "its"})


@dataclass(slots=True)
class Context:
    """An article, its parse and the lookups the argument finders share."""

    article: Article
    doc: Doc
    entity_at: list[Entity | None]  # per token: the entity whose mention holds it
    _pronouns: dict[int, str | None] | None = field(default=None, repr=False)

    def entity(self, tok: Token) -> Entity | None:
        """The entity a token is part of, a third-person pronoun resolved to its referent."""
        found = self.entity_at[tok.i]
        if found is None and tok.pos_ == "PRON":
            eid = self.pronouns().get(tok.i)
            found = self.by_id(eid) if eid else self._nearest(tok)
        return found

    def _nearest(self, pronoun: Token) -> Entity | None:
        """The nearest agreeing entity before a pronoun in its own sentence.

        The fallback for pronouns the resolver leaves open because two referents
        score alike across sentences: inside a sentence the nearer one is bound
        ("punishing Russia for its seizure"), which is what an event role needs.
        """
        word = pronoun.lower_
        people = word in _PERSONAL
        if not people and word not in _NEUTER:
            return None
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            ent = self.entity_at[i]
            if ent is not None and (ent.type == "PERSON") == people:
                return ent
        return None

    def by_id(self, eid: str) -> Entity | None:
        """The article's entity with this id."""
        return next((e for e in self.article.entities if e.id == eid), None)

    def pronouns(self) -> dict[int, str | None]:
        """Token id of every third-person pronoun → the entity id it stands for (or None)."""
        if self._pronouns is None:
            from newsgraph.analyse.attribution.speakers import referents

            none = [-1] * len(self.doc)
            self._pronouns = referents(self.doc, self.doc.text, self.article.entities, [], none)
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
    return Context(article, doc, entity_at)
