"""The one data model every stage reads and writes.

An `Article` travels through the pipeline: cleaning fills its text, blocks and
metadata; each analysis stage appends its findings. Every finding carries
character offsets into `Article.text`, so any item can be traced back to the
exact characters it came from. The public JSON output is `Article.to_dict()`;
its shape is the contract in `schema/article-1.json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "newsgraph.article/1"

InputKind = Literal["html", "textdump", "text"]
BlockKind = Literal["title", "heading", "paragraph", "caption"]
RemovedKind = Literal[
    "navigation", "duplicate", "byline", "bio", "notice", "widget", "advert", "other"
]


@dataclass(slots=True)
class Block:
    """A title, heading, paragraph or caption: `text[start:end]`."""

    kind: BlockKind
    start: int
    end: int


@dataclass(slots=True)
class Removed:
    """Page text that cleaning cut, kept so nothing disappears silently."""

    kind: RemovedKind
    text: str


@dataclass(slots=True)
class Author:
    name: str
    bio: str | None = None


@dataclass(slots=True)
class TextSpan:
    """Characters `text[start:end]` of the article, with their text for convenience."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(data["start"], data["end"], data["text"])


# One occurrence of an entity.
Mention = TextSpan


@dataclass(slots=True)
class Entity:
    """One real-world entity, merged across all its mentions in the article."""

    id: str
    name: str
    type: str
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Identity beyond the article: {"iso3": "RUS"}, {"geonames": "170654"} or
    # {"key": "vladimir-putin"}; and political-actor codes [{"country", "sector"}].
    kb: dict[str, str] = field(default_factory=dict)
    codes: list[dict[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Party:
    """Who speaks or is spoken to: the words in the text and the entity they resolve to.

    `entity` is the id of an `Entity` of the article, or None for an anonymous
    source ("a European diplomat"), whose description is kept in `span`.
    """

    span: TextSpan
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "entity": self.entity}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Party:
        return cls(TextSpan.from_dict(data), data.get("entity"))


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(slots=True)
class Quote:
    """One attributed statement: who said what, through which cue, to whom, how hedged.

    `within` is the id of the quote this one is reported inside (nested
    attribution: the White House said that Obama "underscored that ...").
    """

    id: str
    kind: QuoteKind
    content: TextSpan
    cue: TextSpan | None = None
    speaker: Party | None = None
    addressee: Party | None = None
    hedges: list[TextSpan] = field(default_factory=list)
    within: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "hedges": [h.to_dict() for h in self.hedges],
            "within": self.within,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        def opt(key: str) -> dict[str, Any] | None:
            value: dict[str, Any] | None = data.get(key)
            return value

        cue, speaker, addressee = opt("cue"), opt("speaker"), opt("addressee")
        return cls(
            id=data["id"],
            kind=data["kind"],
            content=TextSpan.from_dict(data["content"]),
            cue=TextSpan.from_dict(cue) if cue else None,
            speaker=Party.from_dict(speaker) if speaker else None,
            addressee=Party.from_dict(addressee) if addressee else None,
            hedges=[TextSpan.from_dict(h) for h in data.get("hedges", [])],
            within=data.get("within"),
        )


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(slots=True)
class Timex:
    """A time expression normalised as TimeML's TIMEX3 does.

    `value` is a TIMEX3 value ("2016-03-14", "2016-02", "P6M", "XXXX-03-14"
    when no anchor date is known, "PRESENT_REF"); `mod` is a TIMEX3 modifier
    ("LESS_THAN", "APPROX", "START"…) or None.
    """

    id: str
    span: TextSpan
    type: TimexType
    value: str
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.span.to_dict(),
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return cls(
            data["id"], TextSpan.from_dict(data), data["type"], data["value"], data.get("mod")
        )


@dataclass(slots=True)
class Quantity:
    """A number that counts or measures something ("some 1,700 civilians").

    `unit` is a unit or currency ("USD", "percent", "km") or the counted noun
    ("civilians"); `approx` marks "some", "about", "nearly"; `bound` is
    "min" ("at least", "more than") or "max" ("up to", "less than"); `quote`
    is the id of the quote the number sits in, so a claim keeps its number.
    """

    id: str
    span: TextSpan
    value: float
    unit: str | None = None
    approx: bool = False
    bound: Literal["min", "max"] | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.span.to_dict(),
            "value": self.value,
            "unit": self.unit,
            "approx": self.approx,
            "bound": self.bound,
            "quote": self.quote,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(
            data["id"],
            TextSpan.from_dict(data),
            data["value"],
            data.get("unit"),
            data.get("approx", False),
            data.get("bound"),
            data.get("quote"),
        )


EventModality = Literal["asserted", "negated", "hypothetical", "future", "reported"]


@dataclass(slots=True)
class EventParty:
    """An actor or recipient of an event: its words, its entity, its country and sector.

    `entity` is the id of an `Entity` of the article, or None for an agent that
    is no named entity ("Syrian forces", "police"), which still gets `country`
    (ISO 3166 alpha-3, or an international code such as IGO) and `sector` (a
    CAMEO sector such as GOV, MIL, COP) from the agent dictionaries.
    """

    span: TextSpan
    entity: str | None = None
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "entity": self.entity,
            "country": self.country,
            "sector": self.sector,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventParty:
        return cls(
            TextSpan.from_dict(data), data.get("entity"), data.get("country"), data.get("sector")
        )


@dataclass(slots=True)
class EventDate:
    """When an event happened: a TIMEX3 value, and where it came from.

    `source` is "timex" (then `timex` is the id of the governing `Timex`) or
    "published" (no time expression governs it: the publication date stands in).
    """

    value: str
    source: Literal["timex", "published"]
    timex: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "timex": self.timex}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        return cls(data["value"], data["source"], data.get("timex"))


@dataclass(slots=True)
class EventPlace:
    """Where an event happened: the place's words, its entity and its GeoNames identity."""

    span: TextSpan
    entity: str | None = None
    geonames: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "entity": self.entity,
            "geonames": self.geonames,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventPlace:
        return cls(
            TextSpan.from_dict(data),
            data.get("entity"),
            data.get("geonames"),
            data.get("lat"),
            data.get("lon"),
            data.get("country"),
        )


@dataclass(slots=True)
class Event:
    """One political event the article reports, coded in PLOVER 2.0: who did what to whom.

    `type` is a PLOVER type (AGREE … ASSAULT), `mode` one of its modes or None,
    `contexts` PLOVER contexts the text names; `trigger` is the words that
    report it and `sentence` their sentence. `modality` says whether the text
    asserts it, denies it, supposes it, announces it or reports somebody's
    claim; `quote` is the id of the statement whose content holds it, so a
    claim is never read as a fact. `cameo` is the CAMEO code it crosswalks to,
    `confidence` the coder's belief in the type, in [0, 1].
    """

    id: str
    type: str
    trigger: TextSpan
    sentence: TextSpan
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actors: list[EventParty] = field(default_factory=list)
    recipients: list[EventParty] = field(default_factory=list)
    date: EventDate | None = None
    location: EventPlace | None = None
    modality: EventModality = "asserted"
    quote: str | None = None
    cameo: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "quote": self.quote,
            "cameo": self.cameo,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        date, location = data.get("date"), data.get("location")
        return cls(
            id=data["id"],
            type=data["type"],
            trigger=TextSpan.from_dict(data["trigger"]),
            sentence=TextSpan.from_dict(data["sentence"]),
            mode=data.get("mode"),
            contexts=list(data.get("contexts", [])),
            actors=[EventParty.from_dict(a) for a in data.get("actors", [])],
            recipients=[EventParty.from_dict(r) for r in data.get("recipients", [])],
            date=EventDate.from_dict(date) if date else None,
            location=EventPlace.from_dict(location) if location else None,
            modality=data.get("modality", "asserted"),
            quote=data.get("quote"),
            cameo=data.get("cameo"),
            confidence=data.get("confidence", 0.0),
        )


@dataclass(slots=True)
class Source:
    """Where the article came from and how its input was read."""

    input: InputKind
    path: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article and everything found in it."""

    text: str
    source: Source
    title: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    site: str | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def blocks_of(self, *kinds: BlockKind) -> list[str]:
        """The text of every block of the given kinds, in reading order."""
        return [self.text[b.start : b.end] for b in self.blocks if b.kind in kinds]

    @property
    def body(self) -> str:
        """Headings and paragraphs: the article body as extraction benchmarks define it."""
        return "\n\n".join(self.blocks_of("heading", "paragraph"))

    def to_dict(self) -> dict[str, Any]:
        """The public JSON object (schema `newsgraph.article/1`)."""
        source: dict[str, Any] = {"input": self.source.input}
        if self.source.path is not None:
            source["path"] = self.source.path
        if self.source.url is not None:
            source["url"] = self.source.url
        return {
            "schema": SCHEMA_ID,
            "source": source,
            "title": self.title,
            "authors": [{"name": a.name, "bio": a.bio} for a in self.authors],
            "published": self.published,
            "published_source": self.published_source,
            "site": self.site,
            "language": self.language,
            "text": self.text,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in self.blocks],
            "removed": [{"kind": r.kind, "text": r.text} for r in self.removed],
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "titles": list(e.titles),
                    "mentions": [m.to_dict() for m in e.mentions],
                    "kb": dict(e.kb),
                    "codes": [dict(c) for c in e.codes],
                }
                for e in self.entities
            ],
            "quotes": [q.to_dict() for q in self.quotes],
            "timexes": [t.to_dict() for t in self.timexes],
            "quantities": [q.to_dict() for q in self.quantities],
            "events": [e.to_dict() for e in self.events],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from its public JSON object."""
        src = data["source"]
        return cls(
            text=data["text"],
            source=Source(input=src["input"], path=src.get("path"), url=src.get("url")),
            title=data.get("title"),
            authors=[Author(a["name"], a.get("bio")) for a in data.get("authors", [])],
            published=data.get("published"),
            published_source=data.get("published_source"),
            site=data.get("site"),
            language=data.get("language"),
            blocks=[Block(b["kind"], b["start"], b["end"]) for b in data.get("blocks", [])],
            removed=[Removed(r["kind"], r["text"]) for r in data.get("removed", [])],
            entities=[
                Entity(
                    id=e["id"],
                    name=e["name"],
                    type=e["type"],
                    titles=list(e.get("titles", [])),
                    mentions=[Mention.from_dict(m) for m in e["mentions"]],
                    kb=dict(e.get("kb", {})),
                    codes=[dict(c) for c in e.get("codes", [])],
                )
                for e in data.get("entities", [])
            ],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            timexes=[Timex.from_dict(t) for t in data.get("timexes", [])],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            warnings=list(data.get("warnings", [])),
        )


@dataclass(slots=True)
class Page:
    """Cleaning's output before analysis: the article's parts in reading order.

    Cleaners return this; `assemble` (in `clean/assemble.py`) joins the parts
    into `Article.text` with blank lines between them and records the offsets.
    """

    parts: list[tuple[BlockKind, str]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: str | None = None
    published_source: str | None = None
    site: str | None = None
    language: str | None = None
    url: str | None = None
