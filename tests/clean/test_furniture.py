from __future__ import annotations

from newsgraph.clean.furniture import filter_boilerplate
from newsgraph.model import Author


def test_furniture_rules_work_line_by_line() -> None:
    parts = [
        ("paragraph", "Bridge plan approved\nby Ana Lima\nMonday, March 1, 2021"),
        ("paragraph", "The plan was approved. Share this article"),
        ("paragraph", "Share this article"),
        ("paragraph", "A view of the river (Photo credit: Gazette staff)"),
        ("paragraph", "Reporting by Ana Lima; editing by Tom Reed"),
        ("heading", "Other stories"),
    ]
    kept, removed = filter_boilerplate(parts, "Bridge plan approved", [Author("Ana Lima")])
    assert kept == [
        ("paragraph", "The plan was approved. Share this article"),
        ("caption", "A view of the river (Photo credit: Gazette staff)"),
    ]
    assert [r.kind for r in removed] == [
        "duplicate",
        "byline",
        "byline",
        "widget",
        "notice",
        "navigation",
    ]
