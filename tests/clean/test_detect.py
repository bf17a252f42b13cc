from __future__ import annotations

from newsgraph.clean.detect import detect_kind, guess_language

from tests.conftest import SAMPLE, shared_path


def test_html_is_recognised_by_its_markup() -> None:
    assert detect_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>") == "html"
    assert detect_kind("  <html lang='en'><head><title>x</title></head></html>") == "html"
    fragment = "<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p></div>"
    assert detect_kind(fragment) == "html"


def test_a_whole_page_dump_is_recognised() -> None:
    assert detect_kind(SAMPLE.read_text(encoding="utf-8")) == "textdump"


def test_clean_articles_are_recognised() -> None:
    folder = shared_path("data", "polnear", "dev", "text")
    kinds = [detect_kind(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))[:40]]
    assert kinds.count("text") >= 34  # some corpus texts keep page chrome


def test_extraction_dev_dumps_are_recognised() -> None:
    folder = shared_path("data", "extraction-dev", "text")
    kinds = [detect_kind(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    assert kinds.count("textdump") >= len(kinds) - 4  # a few dumps are nearly clean


def test_language_guess() -> None:
    english = "The minister said on Tuesday that the talks would resume in the spring. " * 3
    assert guess_language(english) == "en"
    german = "Der Minister sagte am Dienstag, dass die Gespräche im Frühjahr weitergehen. " * 3
    assert guess_language(german) is None
    assert guess_language("too short") is None


PROSE = "The council voted on Tuesday to approve the new budget for public transport. " * 2


def test_text_with_embeds_and_placeholders_stays_text() -> None:
    slots = ['<tweet tweet-id="785842546878578688"><tweet/>', "{{ad}}", "<!-- ad -->", "[embed]"]
    text = "Council backs budget\n\n" + "\n\n".join(f"{PROSE}\n\n{slot}" for slot in slots * 3)
    assert detect_kind(text) == "text"


def test_a_fragment_of_real_tags_is_still_html() -> None:
    fragment = "".join(f"<p>{PROSE}</p><br>" for _ in range(5))
    assert detect_kind(fragment) == "html"
