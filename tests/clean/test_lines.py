"""Text-dump line features: their cost grows with the number of lines, not its square."""

from __future__ import annotations

from newsgraph.clean.lines import context_features, line_features, split_lines

from tests.work import work

PARAGRAPH = (
    "The council voted on Tuesday to approve the new budget, which raises spending on "
    "schools and roads by four percent and leaves taxes where they were last year."
)
SMALL, LARGE = 20, 160


def _features(paragraphs: int) -> None:
    """Both passes of features over a page of paragraphs, each followed by page furniture."""
    page = "\n\n".join(f"{PARAGRAPH}\nShare this article" for _ in range(paragraphs))
    lines = split_lines(page)
    feats = line_features(lines)
    context_features(lines, [0.9, 0.1] * paragraphs, feats)


def test_line_features_cost_in_proportion_to_the_lines() -> None:
    # the nearest long line and the nearest confident line were found by a pass
    # over all of them, for every line: 16 times the work for 8 times the lines
    ratio = work(lambda: _features(LARGE)) / work(lambda: _features(SMALL))
    assert ratio <= 1.04 * LARGE / SMALL
