"""`newsgraph eval extraction`: our copy of the metric gives the reference scorer's numbers."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.eval.extraction import evaluate_split, load_truth, score_pages

from tests.conftest import shared_path

FIRST = (
    "The council voted on Tuesday to close the old harbour bridge to heavy traffic after "
    "engineers found cracks in two of its piers, the mayor, Anna Berg, told reporters."
)
SECOND = (
    "Repairs will take at least eight months and cost more than the city had set aside "
    "for all road maintenance this year, according to the council's own estimate."
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_cli_scores_agree_with_the_reference_scorer(tmp_path: Path) -> None:
    data = shared_path("data", "extraction-dev")
    scorer = shared_path("eval", "score_extraction.py")
    pred = tmp_path / "pred.jsonl"
    ours = _run(
        "-m", "newsgraph", "eval", "extraction", str(data), "--input=html", f"--pred-out={pred}"
    )
    assert ours.returncode == 0, ours.stderr
    scores = json.loads(ours.stdout)

    report = tmp_path / "reference.json"
    options = ["--n-bootstrap=0", "--strict", "--names=newsgraph", f"--json-out={report}"]
    ref = _run(str(scorer), f"--truth={data}", f"--pred={pred}", *options)
    assert ref.returncode == 0, ref.stderr
    expected = json.loads(report.read_text(encoding="utf-8"))["newsgraph"]
    assert expected["missing"] == 0
    for name in ("f1", "precision", "recall"):
        assert scores[name] == pytest.approx(expected[name], abs=5e-4), name


def _split(root: Path) -> Path:
    """A two-page split: one article page, one page without an article."""
    article = (
        "<html lang='en'><head><title>Bridge closed</title></head><body>"
        f"<article><h1>Bridge closed</h1><p>{FIRST}</p><p>{SECOND}</p></article></body></html>"
    )
    empty = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    (root / "html").mkdir()
    (root / "text").mkdir()
    truth = {}
    for pid, html, body in (("a", article, f"{FIRST}\n{SECOND}"), ("b", empty, "")):
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(html.encode()))
        (root / "text" / f"{pid}.txt").write_text(f"Home\n{body}\nFooter", encoding="utf-8")
        truth[pid] = {"url": f"https://example.org/{pid}", "articleBody": body}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluate_split_cleans_every_page_of_the_truth(tmp_path: Path) -> None:
    data = _split(tmp_path)
    scores, preds = evaluate_split(data, "html")
    assert sorted(preds) == ["a", "b"]
    assert preds["a"].split() == f"{FIRST} {SECOND}".split()
    assert scores == score_pages(load_truth(data), preds)
    assert scores["recall"] == 1.0


def test_evaluate_split_rejects_an_unknown_input_kind(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown input kind"):
        evaluate_split(_split(tmp_path), "pdf")
