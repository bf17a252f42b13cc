"""Named entities, merged to one record per real-world entity in the article.

spaCy's small model finds names one mention at a time and labels them
unevenly: "Putin" is PERSON here and ORG there, "Peskov" may be missed, and
"Russian" is a NORP unrelated to "Russia". Readers want one "Vladimir Putin"
with his title and every place he is mentioned, so this stage:

1. cleans the NER spans (no leading "the", no possessive "'s", no titles
   inside person names);
2. registers every multi-word person name, and links later (or earlier)
   surnames to it, whatever label the model gave them or even when it missed
   them;
3. links country names, aliases and demonyms to one place (`countries.py`);
4. collects each person's titles from the words right before a name
   ("Kremlin spokesman Dmitry Peskov") or an apposition ("Peskov, the Kremlin
   spokesman");
5. folds acronyms into the organisation they abbreviate ("EU" → "European Union").

It never raises on odd input: no text, no entities or a mismatched parse give
an empty list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.analyse.countries import country_of
from newsgraph.analyse.titles import HONORIFICS, appos_title, is_role, title_before
from newsgraph.model import Article, Entity, Mention

NAMED = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})


@dataclass(slots=True)
class _Person:
    """A multi-word person name that anchors an entity."""

    name: str
    anchors: list[int] = field(default_factory=list)  # start offsets of full-name mentions


@dataclass(slots=True)
class _Group:
    """An entity being built: its mentions, label votes and titles."""

    name: str
    fixed_type: str | None = None
    mentions: dict[int, Mention] = field(default_factory=dict)
    votes: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)


def find_entities(article: Article, doc: Doc) -> list[Entity]:
    """The article's named entities, one per real-world entity, ids in order of first mention."""
    if not article.text.strip() or doc.text != article.text:
        return []
    spans = [s for s in (_clean(ent) for ent in doc.ents if ent.label_ in NAMED) if s is not None]
    people, aliases = _register_people(spans)
    surnames, firsts = _name_index(people)
    candidates = [(s, s.label_) for s in spans] + _unlabelled(doc, surnames)
    candidates.sort(key=lambda c: c[0].start)

    groups: dict[str, _Group] = {}
    for span, label in candidates:
        key, group = _resolve(span, label, people, aliases, surnames, firsts, groups)
        if key is None:
            continue
        start, end = span.start_char, span.end_char
        group.mentions.setdefault(start, Mention(start, end, article.text[start:end]))
        if label is not None:
            group.votes[label] += 1
        group.surfaces[" ".join(span.text.split())] += 1
        if key.startswith("person:"):
            _add_titles(group, span)
    _fold_acronyms(groups)
    return _entities(groups)


def _clean(ent: Span) -> Span | None:
    """The span without line breaks, leading "the", possessives or (for people) titles."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for tok in ent:
        if "\n" in tok.text_with_ws and tok.i < end - 1 or tok.is_space:
            end = tok.i + (0 if tok.is_space else 1)
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if ent.label_ == "PERSON":
        roles = [i for i in range(start, end - 1) if is_role(doc[i])]
        if roles:
            start = roles[-1] + 1
        while start < end and doc[start].text.rstrip(".") in HONORIFICS:
            start += 1
        while start < end and not doc[start].text[:1].isupper():
            start += 1
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Span(doc, start, end, label=ent.label_)


def _name_parts(span: Span) -> list[str]:
    """The words of a person name: capitalised tokens, no hyphens, no initials' dots."""
    return [t.text for t in span if t.text[:1].isupper() and any(c.isalpha() for c in t.text)]


def _register_people(spans: list[Span]) -> tuple[dict[str, _Person], dict[str, str]]:
    """Full person names (two or more name words), and shorter forms folded into longer ones.

    "George Bush" folds into "George W. Bush" when that is the only longer name
    containing its words; a generational suffix ("Jr.") keeps names apart.
    """
    people: dict[str, _Person] = {}
    for span in spans:
        if span.label_ == "PERSON" and len(_name_parts(span)) >= 2:
            name = " ".join(span.text.split())
            people.setdefault(name.casefold(), _Person(name)).anchors.append(span.start_char)
    aliases: dict[str, str] = {}
    by_length = sorted(people, key=lambda k: -len(people[k].name))
    for key in by_length:
        parts = set(key.split())
        longer = [
            other
            for other in by_length
            if len(people[other].name) > len(people[key].name)
            and parts < set(other.split())
            and not (_has_suffix(other) and not _has_suffix(key))
        ]
        if len(longer) == 1:
            target = aliases.get(longer[0], longer[0])
            aliases[key] = target
            people[target].anchors.extend(people[key].anchors)
    for key in aliases:
        del people[key]
    return people, aliases


def _has_suffix(name: str) -> bool:
    """Whether a name ends in a generational suffix ("jr.", "iii")."""
    words = name.split()
    return bool(words) and words[-1] in {s.casefold() for s in _SUFFIXES}


def _name_index(people: dict[str, _Person]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Surname → people and first name → people, for linking short mentions."""
    surnames: dict[str, list[str]] = {}
    firsts: dict[str, list[str]] = {}
    for key, person in people.items():
        words = [w for w in person.name.split() if w not in _SUFFIXES]
        last = words[-1]
        keys = {last}
        if "-" in last:  # "al-Assad" is also "Assad"
            keys.add(last.rsplit("-", 1)[1])
        for surname in keys:
            if surname[:1].isupper() and len(surname) > 1:
                surnames.setdefault(surname, []).append(key)
        first = words[0]
        if len(words) > 1 and not first.endswith(".") and len(first) > 1:
            firsts.setdefault(first, []).append(key)
    return surnames, firsts


def _unlabelled(doc: Doc, surnames: dict[str, list[str]]) -> list[tuple[Span, str | None]]:
    """Surnames and country words that the model did not tag at all."""
    found: list[tuple[Span, str | None]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.ent_type_ or not tok.text[:1].isupper():
            i += 1
            continue
        if tok.text in surnames and tok.pos_ == "PROPN":
            found.append((doc[i : i + 1], None))
            i += 1
            continue
        for n in (3, 2, 1):
            window = doc[i : i + n]
            if len(window) == n and not any(t.ent_type_ or t.is_space for t in window):
                if country_of(window.text) is not None:
                    found.append((window, None))
                    i += n - 1
                    break
        i += 1
    return found


def _resolve(
    span: Span,
    label: str | None,
    people: dict[str, _Person],
    aliases: dict[str, str],
    surnames: dict[str, list[str]],
    firsts: dict[str, list[str]],
    groups: dict[str, _Group],
) -> tuple[str | None, _Group]:
    """The entity a mention belongs to, creating it on first sight."""
    text = " ".join(span.text.split())
    folded = text.casefold()
    country = country_of(text) if label != "PERSON" else None
    person: str | None = None
    if folded in people or folded in aliases:
        person = aliases.get(folded, folded)
    elif text in surnames and not (label in _PLACE_LABELS and country is not None):
        person = _nearest(surnames[text], people, span.start_char)
    elif text in firsts and label == "PERSON":
        person = _nearest(firsts[text], people, span.start_char)

    if person is not None:
        key = "person:" + person
        group = groups.setdefault(key, _Group(people[person].name, fixed_type="PERSON"))
    elif country is not None:
        key = "country:" + country
        group = groups.setdefault(key, _Group(country, fixed_type="GPE"))
    elif label is None:
        return None, _Group("")
    else:
        key = "text:" + folded
        group = groups.setdefault(key, _Group(text))
    return key, group


def _nearest(candidates: list[str], people: dict[str, _Person], offset: int) -> str:
    """Of several people sharing a name part, the one named in full most recently before."""
    if len(candidates) == 1:
        return candidates[0]

    def last_before(key: str) -> int:
        return max((a for a in people[key].anchors if a < offset), default=-1)

    best = max(candidates, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(candidates, key=lambda k: min(people[k].anchors))


def _add_titles(group: _Group, span: Span) -> None:
    """Record the titles written around this mention of a person."""
    for title in (title_before(span), appos_title(span)):
        if title and title.casefold() not in {t.casefold() for t in group.titles}:
            group.titles.append(title)


def _tidy_titles(titles: list[str]) -> list[str]:
    """Drop a title that a longer one ends with: "President" under "Syrian President"."""
    folded = [t.casefold() for t in titles]
    return [
        t
        for t, f in zip(titles, folded, strict=True)
        if not any(o != f and o.endswith(" " + f) for o in folded)
    ]


def _initials(name: str) -> str:
    """"European Union" → "EU": the capitals of a multi-word name's content words."""
    words = [w for w in name.split() if w not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _fold_acronyms(groups: dict[str, _Group]) -> None:
    """Merge an acronym entity into the one long-form entity it abbreviates."""
    long_forms: dict[str, list[str]] = {}
    for key, group in groups.items():
        if key.startswith("text:"):
            initials = _initials(group.name)
            if initials:
                long_forms.setdefault(initials, []).append(key)
    for key in [k for k in groups if k.startswith("text:")]:
        group = groups[key]
        letters = group.name.replace(".", "")
        targets = long_forms.get(letters, [])
        if 2 <= len(letters) <= 6 and letters.isupper() and len(targets) == 1:
            target = groups[targets[0]]
            for start, mention in group.mentions.items():
                target.mentions.setdefault(start, mention)
            target.votes.update(group.votes)
            del groups[key]


def _entity_type(group: _Group) -> str:
    """The fixed type (people, countries), else the label most mentions carry."""
    if group.fixed_type is not None:
        return group.fixed_type
    if not group.votes:
        return "MISC"
    return group.votes.most_common(1)[0][0]


def _entities(groups: dict[str, _Group]) -> list[Entity]:
    """Entities sorted by first mention and numbered e1, e2, …"""
    ordered = sorted((g for g in groups.values() if g.mentions), key=lambda g: min(g.mentions))
    entities: list[Entity] = []
    for n, group in enumerate(ordered, start=1):
        name = group.name
        if group.fixed_type is None and group.surfaces:
            name = group.surfaces.most_common(1)[0][0] if not _initials(name) else name
        entities.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=_entity_type(group),
                titles=_tidy_titles(group.titles),
                mentions=[group.mentions[s] for s in sorted(group.mentions)],
            )
        )
    return entities


def _is_name_token(tok: Token) -> bool:
    """Whether a token can be part of a person's name."""
    return tok.text[:1].isupper() and not is_role(tok)
