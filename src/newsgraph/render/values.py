"""Normalised values as a reader sees them: times, quantities, entity identity and codes.

Shared by the markdown report and the HTML page, so that both say "P6M (less
than)" or "RUS GOV" the same way. Plain text out; each renderer escapes it.
"""

from __future__ import annotations

from newsgraph.model import Entity, Quantity, Timex

_BOUNDS = {"min": "at least", "max": "at most"}


def timex_mod(timex: Timex) -> str:
    """A TIMEX3 modifier in words: "LESS_THAN" → "less than"; "" when none."""
    return (timex.mod or "").replace("_", " ").lower()


def timex_label(timex: Timex) -> str:
    """The normalised value, with its modifier: "2016-03-14", "P6M (less than)"."""
    mod = timex_mod(timex)
    return f"{timex.value} ({mod})" if mod else timex.value


def number(value: float) -> str:
    """A number without a needless ".0" or exponent: 1700.0 → "1700", 2.5 → "2.5"."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:f}".rstrip("0").rstrip(".")


def quantity_value(quantity: Quantity) -> str:
    """The value with its unit: "1700 civilians", "3.5 percent"."""
    value = number(quantity.value)
    return f"{value} {quantity.unit}" if quantity.unit else value


def quantity_qualifiers(quantity: Quantity) -> list[str]:
    """How loosely the number is stated: "approximate", "at least", "at most"."""
    words = ["approximate"] if quantity.approx else []
    if quantity.bound in _BOUNDS:
        words.append(_BOUNDS[quantity.bound])
    return words


def quantity_label(quantity: Quantity) -> str:
    """The whole normalised reading: "1700 civilians, approximate"."""
    return ", ".join([quantity_value(quantity), *quantity_qualifiers(quantity)])


def entity_identity(entity: Entity) -> str:
    """Who the entity is beyond the article: "iso3 RUS", "geonames 170654"; "" when unknown."""
    return "; ".join(f"{key} {value}" for key, value in entity.kb.items() if value)


def entity_codes(entity: Entity) -> str:
    """Its actor codes: "RUS GOV", several joined by ", "; "" when none."""
    codes = (" ".join(p for p in (c.get("country"), c.get("sector")) if p) for c in entity.codes)
    return ", ".join(c for c in codes if c)


def party_codes(country: str | None, sector: str | None) -> str:
    """An event party's codes, "RUS GOV"; a sector that repeats the code ("IGO IGO") once."""
    return " ".join(dict.fromkeys(c for c in (country, sector) if c))
