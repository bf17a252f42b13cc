"""Named entities, merged to one record per real-world entity in the article.

spaCy's small model finds names one mention at a time and labels them
unevenly: "Putin" is PERSON here and ORG there, "Peskov" may be missed, and
"Russian" is a NORP unrelated to "Russia". Readers want one "Vladimir Putin"
with his title and every place he is mentioned, so this stage:

1. cleans the NER spans (no leading "the", no possessive "'s", no titles
   inside person names);
2. registers every multi-word person name, and links its surname anywhere in
   the article to it, whatever label the model gave it or even when the model
   missed it (and a bare first name the model tagged PERSON: "Hillary");
3. links country names, aliases and demonyms to one place (`countries.py`);
4. collects each person's titles from the words right before a name
   ("Kremlin spokesman Dmitry Peskov") or an apposition ("Peskov, the Kremlin
   spokesman"), which `titles.py` reads from the parse;
5. folds acronyms into the organisation they abbreviate ("EU" → "European Union");
6. corrects the model's type where a gazetteer and the context agree ("the
   seaport of Tartus" is a place, "Ekho Moskvy radio" an organisation:
   `entity_types.py`), and drops one-word "names" seen only inside quotation
   marks that are common English words ("'Honey, we won the war'").

It never raises on odd input: no text, no entities or a mismatched parse give
an empty list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsgraph.analyse.attribution.quotemarks import passages
from newsgraph.analyse.entities.titles import HONORIFICS, is_role, tidy_titles, titles_of
from newsgraph.analyse.entities.types import corrected_label, is_common_word
from newsgraph.analyse.identity.countries import country_of
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
    anchors: list[int] = field(default_factory=list)  # where the full name is written


@dataclass(slots=True)
class _Group:
    """An entity being built: its mentions, label votes and titles."""

    name: str | None = None  # fixed for people and countries; else the commonest surface
    fixed_type: str | None = None
    mentions: dict[int, Mention] = field(default_factory=dict)
    votes: Counter[str] = field(default_factory=Counter)
    retyped: Counter[str] = field(default_factory=Counter)  # labels corrected by context
    surfaces: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)

    @property
    def display(self) -> str:
        """The entity's name."""
        if self.name is not None:
            return self.name
        return self.surfaces.most_common(1)[0][0] if self.surfaces else ""


@dataclass(slots=True)
class _Names:
    """What is known about the people in an article, to link their short mentions."""

    people: dict[str, _Person]
    aliases: dict[str, str]
    surnames: dict[str, list[str]]
    firsts: dict[str, list[str]]


def find_entities(article: Article, doc: Doc) -> list[Entity]:
    """The article's named entities, one per real-world entity, ids in order of first mention.

    `doc` must be the parse of `article.text`; if it is not, offsets cannot be
    trusted and nothing is returned.
    """
    if not article.text.strip() or doc.text != article.text:
        return []
    spans = [s for s in (_clean(ent) for ent in doc.ents if ent.label_ in NAMED) if s is not None]
    retyped: dict[int, str] = {}
    for n, span in enumerate(spans):
        if (fixed := corrected_label(span)) != span.label_:
            spans[n] = Span(doc, span.start, span.end, label=fixed)
            retyped[span.start_char] = fixed
    spans = _drop_name_prefixes(spans)
    names = _know_people(spans)
    candidates: list[tuple[Span, str | None]] = [(s, s.label_) for s in spans]
    candidates += _unlabelled(doc, names.surnames)
    candidates.sort(key=lambda c: c[0].start)

    groups: dict[str, _Group] = {}
    for span, label in candidates:
        key = _resolve(span, label, names, groups)
        if key is None:
            continue
        group = groups[key]
        start, end = span.start_char, span.end_char
        group.mentions.setdefault(start, Mention(start, end, article.text[start:end]))
        if label is not None:
            group.votes[label] += 1
        if start in retyped:
            group.retyped[retyped[start]] += 1
        group.surfaces[" ".join(span.text.split())] += 1
        if group.fixed_type == "PERSON":
            for title in titles_of(span):
                if title.casefold() not in {t.casefold() for t in group.titles}:
                    group.titles.append(title)
    _fold_acronyms(groups)
    return _entities(_drop_quoted_words(_drop_headline_only(groups, article), article))


def _drop_headline_only(groups: dict[str, _Group], article: Article) -> dict[str, _Group]:
    """Without groups seen only in a title or heading, unless they are people or countries.

    Headline case ("A Signal To Assad", "It's The Sanctions, Stupid") makes the
    model see names everywhere; a real name there is nearly always in the body too.
    """
    heads = [(b.start, b.end) for b in article.blocks if b.kind in ("title", "heading")]

    def in_heading(m: Mention) -> bool:
        return any(start <= m.start and m.end <= end for start, end in heads)

    return {
        key: group
        for key, group in groups.items()
        if group.fixed_type is not None or not all(map(in_heading, group.mentions.values()))
    }


def _drop_quoted_words(groups: dict[str, _Group], article: Article) -> dict[str, _Group]:
    """Without one-word groups seen only inside quotes that are common words ("Honey").

    Inside a quote people address and exclaim ("'Honey, we won the war!'"),
    and the model takes the capitalised word for a name.
    """
    quoted = [(p.start, p.end) for p in passages(article.text) if p.closed]

    def in_quote(m: Mention) -> bool:
        return any(start < m.start and m.end < end for start, end in quoted)

    return {
        key: group
        for key, group in groups.items()
        if group.fixed_type is not None
        or not all(map(in_quote, group.mentions.values()))
        or not is_common_word(group.display)
    }


# -- cleaning the model's spans ---------------------------------------------------------------


def _clean(ent: Span) -> Span | None:
    """The span without line breaks, leading "the", possessives or (for people) titles."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for tok in ent:
        if tok.is_space:
            end = tok.i
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if ent.label_ == "PERSON":
        roles = [i for i in range(start, end - 1) if is_role(doc[i])]
        if roles:
            start = roles[-1] + 1
        while start < end and (
            doc[start].text.rstrip(".") in HONORIFICS or not doc[start].text[:1].isupper()
        ):
            start += 1
    if start >= end or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Span(doc, start, end, label=ent.label_)


# -- people -----------------------------------------------------------------------------------


def _is_full_name(span: Span) -> bool:
    """Whether a PERSON span holds two or more capitalised words."""
    return span.label_ == "PERSON" and sum(t.text[:1].isupper() for t in span) >= 2


def _drop_name_prefixes(spans: list[Span]) -> list[Span]:
    """Cut a stray leading word off a person name that is known without it.

    The model sweeps a sentence's first word or a nickname into the name
    ("Crooked Hillary Clinton", "Rip Donald Trump"); when the rest is written
    alone elsewhere as a full name, the rest is the name.
    """
    full = {" ".join(s.text.split()).casefold() for s in spans if _is_full_name(s)}
    trimmed: list[Span] = []
    for span in spans:
        if _is_full_name(span):
            for k in range(span.start + 1, span.end - 1):
                rest = Span(span.doc, k, span.end, label=span.label_)
                if _is_full_name(rest) and " ".join(rest.text.split()).casefold() in full:
                    span = rest
                    break
        trimmed.append(span)
    return trimmed


def _know_people(spans: list[Span]) -> _Names:
    """Register the full names (two or more capitalised words) and index their parts.

    A shorter full name folds into the one longer name that holds all its words
    ("George Bush" into "George W. Bush"); a generational suffix keeps names apart.
    """
    people: dict[str, _Person] = {}
    for span in spans:
        if _is_full_name(span):
            name = " ".join(span.text.split())
            people.setdefault(name.casefold(), _Person(name)).anchors.append(span.start_char)
    aliases: dict[str, str] = {}
    for key in sorted(people, key=len):
        own = set(key.split())
        longer = [
            other
            for other in people
            if other not in aliases
            and own < set(other.split())
            and (_has_suffix(key) or not _has_suffix(other))
        ]
        if len(longer) == 1:
            aliases[key] = longer[0]
    for key, target in aliases.items():
        people[_final(aliases, target)].anchors.extend(people[key].anchors)
    for key in aliases:
        aliases[key] = _final(aliases, aliases[key])
    for key in aliases:
        del people[key]
    surnames: dict[str, list[str]] = {}
    firsts: dict[str, list[str]] = {}
    for key, person in people.items():
        words = [w for w in person.name.split() if w not in _SUFFIXES]
        last = words[-1]
        for surname in {last, last.rsplit("-", 1)[-1]}:  # "al-Assad" is also "Assad"
            if surname[:1].isupper() and len(surname) > 1:
                surnames.setdefault(surname, []).append(key)
        if not words[0].endswith(".") and len(words[0]) > 1:
            firsts.setdefault(words[0], []).append(key)
    return _Names(people, aliases, surnames, firsts)


def _final(aliases: dict[str, str], key: str) -> str:
    """Follow alias links to the name that stays."""
    seen = {key}
    while key in aliases and aliases[key] not in seen:
        key = aliases[key]
        seen.add(key)
    return key


def _has_suffix(name: str) -> bool:
    """Whether a (casefolded) name ends in a generational suffix ("jr.", "iii")."""
    words = name.split()
    return bool(words) and words[-1] in {s.casefold() for s in _SUFFIXES}


def _pick(candidates: list[str], people: dict[str, _Person]) -> str:
    """Of several people sharing a name part, the one the article names in full most often.

    A bare "Clinton" in a story about Hillary Clinton that also names Bill
    Clinton once is far more often her; ties go to the person named first.
    """
    return min(candidates, key=lambda k: (-len(people[k].anchors), min(people[k].anchors)))


def _unlabelled(doc: Doc, surnames: dict[str, list[str]]) -> list[tuple[Span, str | None]]:
    """Surnames and country words that the model did not tag at all."""
    found: list[tuple[Span, str | None]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        width = 1
        if not tok.ent_type_ and tok.text[:1].isupper():
            if tok.text in surnames and tok.pos_ == "PROPN":
                found.append((doc[i : i + 1], None))
            else:
                for n in (3, 2, 1):
                    window = doc[i : i + n]
                    if (
                        len(window) == n
                        and not any(t.ent_type_ or t.is_space for t in window)
                        and country_of(window.text) is not None
                    ):
                        found.append((window, None))
                        width = n
                        break
        i += width
    return found


def _resolve(span: Span, label: str | None, names: _Names, groups: dict[str, _Group]) -> str | None:
    """The key of the entity a mention belongs to, creating the entity on first sight."""
    text = " ".join(span.text.split())
    folded = text.casefold()
    country = country_of(text) if label != "PERSON" else None
    person: str | None = None
    if folded in names.people or folded in names.aliases:
        person = names.aliases.get(folded, folded)
    elif text in names.surnames and not (label in _PLACE_LABELS and country is not None):
        person = _pick(names.surnames[text], names.people)
    elif text in names.firsts and label == "PERSON":
        person = _pick(names.firsts[text], names.people)

    if person is not None:
        key = "person:" + person
        groups.setdefault(key, _Group(names.people[person].name, fixed_type="PERSON"))
    elif country is not None:
        key = "country:" + country
        groups.setdefault(key, _Group(country, fixed_type="GPE"))
    elif label is None:
        return None
    else:
        key = "text:" + folded
        groups.setdefault(key, _Group())
    return key


# -- organisations and output -----------------------------------------------------------------


def _initials(name: str) -> str:
    """ "European Union" → "EU": the capitals of a multi-word name's content words."""
    words = [w for w in name.split() if w not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _fold_acronyms(groups: dict[str, _Group]) -> None:
    """Merge an acronym ("EU") into the one long-form entity it abbreviates, if present."""
    long_forms: dict[str, list[str]] = {}
    for key, group in groups.items():
        if key.startswith("text:") and (initials := _initials(group.display)):
            long_forms.setdefault(initials, []).append(key)
    for key in [k for k in groups if k.startswith("text:")]:
        letters = groups[key].display.replace(".", "")
        targets = long_forms.get(letters, [])
        if 2 <= len(letters) <= 6 and letters.isupper() and len(targets) == 1:
            target, short = groups[targets[0]], groups.pop(key)
            target.name = target.display
            for start, mention in short.mentions.items():
                target.mentions.setdefault(start, mention)
            target.votes.update(short.votes)


def _type(group: _Group) -> str:
    """A label the context corrected, where one did; else the model's commonest label."""
    votes = group.retyped or group.votes
    return votes.most_common(1)[0][0] if votes else "MISC"


def _entities(groups: dict[str, _Group]) -> list[Entity]:
    """Entities sorted by first mention and numbered e1, e2, …"""
    ordered = sorted((g for g in groups.values() if g.mentions), key=lambda g: min(g.mentions))
    return [
        Entity(
            id=f"e{n}",
            name=group.display,
            type=group.fixed_type or _type(group),
            titles=tidy_titles(group.titles),
            mentions=[group.mentions[s] for s in sorted(group.mentions)],
        )
        for n, group in enumerate(ordered, start=1)
    ]
