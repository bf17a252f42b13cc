"""Entity types that the gazetteers and the words around a name can correct.

spaCy's small model types names from their shape and a few words of context,
and gets towns and media wrong in ways a reader would not: "Tartus" and
"Crimea" as ORG, "Hmeimim" as NORP, the radio station "Ekho Moskvy" as a
PERSON, "Honey" (a word inside a quote) as ORG. Two kinds of evidence correct
that, and only together where either alone would be too weak:

- what the name is: a place in the Phoenix dictionaries or the GeoNames
  gazetteer (`identity_places`), an organisation in the Phoenix dictionaries;
- what the text calls it: a place noun before or after the name ("the seaport
  of Tartus", "the Hmeimim air base", "Latakia Province"), a locative
  preposition ("near Copenhagen"), a territorial act ("the annexation of
  Crimea"), or a medium noun ("Ekho Moskvy radio", "the network RT").

A place noun written right against the name is strong enough alone, unless the
name is a known organisation ("NATO air base" stays NATO's); the looser contexts
count only for a known place the model called ORG, and a medium or company noun
only for a name no gazetteer knows as a place ("Damascus radio" stays Damascus).
Countries and their demonyms are typed by `countries.py` and left alone here.

`is_common_word` serves the last rule of `entities.py`: a one-word entity seen
only inside quotation marks whose lower-case form is an English word
(WordNet's word list, which the model's lemmatizer already ships) and that no
gazetteer knows is a word the model mistook for a name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from newsgraph.analyse.identity.actors import lookup
from newsgraph.analyse.identity.countries import country_of
from newsgraph.analyse.identity.places import find_place

# Place nouns: what a place is called right after its name or before "of" + name.
_SETTLEMENT_LIST = """city town village province region district governorate oblast county
prefecture state peninsula island islands republic municipality capital suburb"""
_SETTLEMENTS = frozenset(_SETTLEMENT_LIST.split())
_FACILITIES = frozenset({"airport", "airbase", "airfield", "port", "seaport", "harbor", "harbour"})
_BASE_WORDS = frozenset({"air", "naval", "military", "army", "navy"})  # "... base"
# Acts done to a territory: "the annexation of Crimea".
_TERRITORIAL = frozenset({"annexation", "invasion", "occupation", "seizure", "liberation", "siege"})
_LOCATIVE = frozenset({"in", "near", "outside", "around", "across", "throughout", "inside"})
# Media nouns, after the name ("Ekho Moskvy radio") or before it ("the network RT").
_MEDIA_LIST = """radio newspaper paper agency tv television channel network broadcaster
magazine website daily weekly tabloid newswire outlet station account"""
_MEDIA = frozenset(_MEDIA_LIST.split())
_COMPANY = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Place nouns that also end names of other kinds ("Islamic State", "Weimar Republic"):
# they count after a name only in lower case.
_NAME_ENDINGS = frozenset({"state", "republic", "capital"})
_RETYPED = frozenset({"ORG", "NORP", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def corrected_label(span: Span) -> str:
    """The label a cleaned NER span should carry, given what it names and its context."""
    label = span.label_
    text = " ".join(span.text.split())
    if label not in _RETYPED or country_of(text) is not None:
        return label
    org, place = _known_organisation(text), _known_place(text)
    if label != "ORG" and not place and (_media_context(span) or _company_context(span)):
        return "ORG"
    if label in ("GPE", "LOC", "FAC"):
        return label
    place_word = _place_noun(span)
    if place_word is not None and not org:
        return "FAC" if place_word == "FAC" and not place else "GPE"
    if label == "ORG" and place and not org and _loose_place_context(span):
        return "GPE"
    return label


def _known_place(text: str) -> bool:
    """Whether a gazetteer knows the name as a place: a Phoenix place or a GeoNames city.

    Not the provinces: asking them about every name would read the divisions of
    all 250 countries (half a second) in every process, and the Phoenix
    dictionaries list the provinces news writes about ("Crimea", "Idlib").
    """
    return bool(lookup(text, people=False)) or find_place(text) is not None


def _known_organisation(text: str) -> bool:
    """Whether the Phoenix dictionaries know the name as an actor that is not a place."""
    return any(not actor.place for actor in lookup(text, places=False))


def _word(span: Span, offset: int) -> str:
    """The lower-case word `offset` tokens from the span's edge (-1: just before; 1: just after)."""
    doc = span.doc
    i = span.start + offset if offset < 0 else span.end + offset - 1
    if not 0 <= i < len(doc) or doc[i].is_space:
        return ""
    return doc[i].lower_


def _place_noun(span: Span) -> str | None:
    """ "GPE" or "FAC" when a place noun stands against the name, else None.

    After it: "Latakia province", "the Hmeimim air base", "Tartus port";
    before it with "of": "the seaport of Tartus", "the county of Huade".
    """
    after, after2 = _word(span, 1), _word(span, 2)
    if after in _NAME_ENDINGS and not span.doc[span.end].text.islower():
        after = ""
    if after in _SETTLEMENTS:
        return "GPE"
    if after in _FACILITIES or (after in _BASE_WORDS and after2 == "base"):
        return "FAC"
    if _word(span, -1) == "of":
        before = _word(span, -2)
        if before in _SETTLEMENTS:
            return "GPE"
        if before in _FACILITIES or before == "base":
            return "FAC"
    return None


def _loose_place_context(span: Span) -> bool:
    """A preposition of place ("near Copenhagen"), an act on a territory, or ", Country"."""
    before = _word(span, -1)
    if before in _LOCATIVE or (before == "of" and _word(span, -2) in _TERRITORIAL):
        return True
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        return country_of(doc[span.end + 1].text) is not None
    return False


def _media_context(span: Span) -> bool:
    """A medium noun right after the name, or right before it ("the network RT")."""
    return _word(span, 1) in _MEDIA or _word(span, -1) in _MEDIA


def _company_context(span: Span) -> bool:
    """ "An Alibaba spokesperson", "Alibaba shares": words that only a company takes."""
    return _word(span, 1) in _COMPANY


@cache
def _english_words() -> frozenset[str]:
    """WordNet's nouns, verbs, adjectives and adverbs, from the model's lemmatizer tables."""
    from newsgraph.analyse.nlp import load_nlp

    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(
        w for pos in ("noun", "verb", "adj", "adv") if pos in index for w in index[pos]
    )


def is_common_word(text: str) -> bool:
    """Whether a one-word name is an English word that no gazetteer knows ("Honey")."""
    if " " in text.strip() or not text.isalpha():
        return False
    if text.lower() not in _english_words():
        return False
    return not lookup(text) and not _known_place(text)
