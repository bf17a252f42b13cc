"""Actor identity: ISO3 countries, GeoNames places, cross-article keys and dated Phoenix codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.analyse.identity.actors import codes_at, lookup, name_key, split_code
from newsgraph.analyse.identity.link import article_date, identify, role_codes, slug
from newsgraph.analyse.identity.places import find_place
from newsgraph.model import Article, Entity, Mention, Source

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "rferl-putin-pullout.txt"


def _entity(name: str, type_: str, titles: list[str] | None = None, *texts: str) -> Entity:
    mentions = [Mention(0, len(t), t) for t in (texts or (name,))]
    return Entity("e1", name, type_, titles or [], mentions)


def _identify(*entities: Entity, published: str | None = "2016-03-15", text: str = "") -> Article:
    article = Article(text=text, source=Source("text"), published=published)
    article.entities = list(entities)
    identify(article)
    return article


def _pairs(entity: Entity) -> list[tuple[str, str]]:
    return [(c["country"], c["sector"]) for c in entity.codes]


@pytest.fixture(scope="module")
def sample() -> dict[str, Entity]:
    from newsgraph.pipeline import analyze

    article = analyze(SAMPLE.read_text("utf-8"), published="2016-03-15")
    identify(article)
    return {e.name: e for e in article.entities}


def test_sample_actors(sample: dict[str, Entity]) -> None:
    assert sample["Vladimir Putin"].kb == {"key": "vladimir-putin"}
    assert _pairs(sample["Vladimir Putin"]) == [("RUS", "GOV")]
    assert _pairs(sample["Dmitry Peskov"]) == [("RUS", "GOV")]  # from "Kremlin spokesman"
    assert sample["Bashar al-Assad"].kb == {"key": "bashar-al-assad"}
    assert _pairs(sample["Bashar al-Assad"]) == [("SYR", "GOV")]
    assert sample["Russia"].kb == {"iso3": "RUS", "geonames": "2017370"}
    assert _pairs(sample["Russia"]) == [("RUS", "")]


def test_sample_places(sample: dict[str, Entity]) -> None:
    assert sample["Tartus"].kb["geonames"] == "163345"
    latakia = sample["Latakia Province"].kb  # the province, not the city of Latakia
    assert latakia["iso3166_2"] == "SY-LA" and "geonames" not in latakia
    assert sample["Crimea"].kb["iso3166_2"] == "UA-43"
    assert sample["Damascus"].kb["geonames"] == "170654"  # Syria's, not Maryland's
    assert sample["Geneva"].kb["geonames"] == "2660646"  # Switzerland's, not Illinois'
    lat, lon = float(sample["Tartus"].kb["lat"]), float(sample["Tartus"].kb["lon"])
    assert 34 < lat < 36 and 35 < lon < 37


def test_a_province_word_resolves_to_the_first_order_division() -> None:
    syria = frozenset({"SYR"})
    for name in ("Latakia Province", "Latakia Governorate", "latakia province"):
        place = find_place(name, syria)
        assert place is not None and place.iso3166_2 == "SY-LA", name
    assert find_place("Latakia", syria) == find_place("Latakia City", syria)  # the city
    kunduz = find_place("Kunduz Province")  # no country named: still the province
    assert kunduz is not None and kunduz.iso3 == "AFG" and kunduz.iso3166_2


def test_a_bare_name_is_the_province_only_where_no_city_of_the_articles_countries_has_it() -> None:
    florida = find_place("Florida", frozenset({"USA"}))
    assert florida is not None and florida.iso3166_2 == "US-FL"
    aleppo = find_place("Aleppo", frozenset({"SYR"}))
    assert aleppo is not None and aleppo.geonames and not aleppo.iso3166_2  # the city
    colombian = find_place("Florida")  # no context: the gazetteer's city
    assert colombian is not None and not colombian.iso3166_2
    assert find_place("Nowhere Province") is None


def test_one_key_across_articles() -> None:
    keys = {
        _identify(_entity(name, "PERSON")).entities[0].kb["key"]
        for name in ("Putin", "Vladimir Putin", "President Putin", "Vladimir V. Putin")
    }
    assert keys == {"vladimir-putin"}
    assert _identify(_entity("Bashar Assad", "PERSON")).entities[0].kb == {"key": "bashar-al-assad"}


def test_demonym_and_alias_get_iso3() -> None:
    article = _identify(_entity("Russian", "NORP"), _entity("U.S.", "GPE"))
    assert [e.kb.get("iso3") for e in article.entities] == ["RUS", "USA"]


def test_codes_respect_the_date() -> None:
    bush = lookup("George W. Bush")[0]
    assert codes_at(bush, "2005-06-01") == [{"country": "USA", "sector": "GOV"}]
    assert codes_at(bush, "2016-03-15") == [{"country": "USA", "sector": "ELI"}]
    putin = lookup("Putin")[0]
    assert codes_at(putin, "1995-01-01") == [{"country": "RUS", "sector": "ELI"}]
    assert codes_at(putin, None) == [{"country": "RUS", "sector": "GOV"}]  # the latest
    in_2005 = _identify(_entity("George W. Bush", "PERSON"), published="2005-06-01")
    assert _pairs(in_2005.entities[0]) == [("USA", "GOV")]
    undated = _identify(_entity("Vladimir Putin", "PERSON"), published=None)
    assert _pairs(undated.entities[0]) == [("RUS", "GOV")]


def test_role_words() -> None:
    assert role_codes(["Kremlin spokesman"]) == [{"country": "RUS", "sector": "GOV"}]
    assert role_codes(["Syrian opposition"]) == [{"country": "SYR", "sector": "OPP"}]
    assert role_codes(["former U.S. President"]) == [{"country": "USA", "sector": "ELI"}]
    assert role_codes(["Russian Foreign Minister"]) == [{"country": "RUS", "sector": "GOV"}]
    text = "The Russian Defense Ministry said so."
    ministry = Entity("e1", "Defense Ministry", "ORG", [], [Mention(12, 28, "Defense Ministry")])
    assert _pairs(_identify(ministry, text=text).entities[0]) == [("RUS", "GOV")]


def test_unknown_name_gets_a_slug_and_no_codes() -> None:
    entity = _identify(_entity("Zorblax Quuxington-Émile", "PERSON")).entities[0]
    assert entity.kb == {"key": "zorblax-quuxington-emile"}
    assert entity.codes == []


@pytest.mark.parametrize(
    "name", ["", "   ", "'s", "-", "???", "Ⅻ", "東京", "The", "x" * 5000, "U.N.", "Province"]
)
def test_odd_input_does_not_raise(name: str) -> None:
    for type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "MISC", ""):
        _identify(_entity(name, type_, [name, ""], name, ""), published="garbage")
    assert role_codes(["", "former", "-"]) == []


def test_helpers() -> None:
    assert name_key("Bashar al-Assad") == "BASHAR AL ASSAD"
    assert name_key("the U.N.") == "UN"
    assert split_code("IGOUNO") == {"country": "IGO", "sector": "IGO"}
    assert split_code("MED") == {"country": "", "sector": "MED"}
    assert split_code("SYRREBMUS") == {"country": "SYR", "sector": "REB"}
    assert slug("São Tomé") == "sao-tome"
    assert article_date("2016-03-15T10:00:00Z") == "2016-03-15"
    assert article_date("yesterday") is None
