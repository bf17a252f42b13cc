"""`newsgraph eval polnear`: our copy of the metric gives the reference scorer's numbers."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.eval.polnear import evaluate, open_split, parse_ann, predictions
from newsgraph.eval.quote_metrics import (
    KINDS,
    METRICS,
    Attribution,
    GoldArticle,
    Prediction,
    Scores,
    Span,
    Spans,
    Tally,
    article_counts,
    quote_kind,
)
from newsgraph.model import Article, Party, Quote, Source, TextSpan

from tests.conftest import shared_path

# The first articles of PolNeAR dev plus one annotated by all six annotators, so that
# the end-to-end check also covers which annotator is scored.
N_FIRST = 14
MULTI = "politico_2016-09-08_flynn-says-trump-absolutely-righ"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=600, check=False
    )


def _reference(polnear: Path, pred: Path, out: Path) -> dict[str, Any]:
    """The reference scorer's scores for one prediction file (no bootstrap)."""
    scorer = shared_path("eval", "score_quotes.py")
    ref = _run(
        str(scorer),
        "--split=dev",
        f"--polnear={polnear}",
        f"--pred={pred}",
        f"--json={out}",
        "--bootstrap=0",
    )
    assert ref.returncode == 0, ref.stderr + ref.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    result: dict[str, Any] = report["scores"][str(pred)]
    return result


def _assert_agree(ours: dict[str, Any], ref: dict[str, Any]) -> None:
    """Same counts, and the same P/R/F1 to 3 decimals, for every metric and kind."""
    for name in METRICS:
        if ref[name] is None:
            assert ours["metrics"][name] is None, name
            continue
        mine = ours["metrics"][name]
        assert mine["pred"] == ref[name]["pred"] and mine["gold"] == ref[name]["gold"], name
        for key in ("precision", "recall", "f1"):
            assert mine[key] == pytest.approx(ref[name][key], abs=5e-4), (name, key)
    for kind in KINDS:
        theirs = ref[f"recall {kind}"]
        assert ours["recall"][kind]["n_gold"] == theirs["n_gold"], kind
        for key in ("exact", "any", "overlap"):
            assert ours["recall"][kind][key] == pytest.approx(theirs[key], abs=5e-4), (kind, key)


def _perturbed(article: GoldArticle, rng: random.Random) -> list[Prediction]:
    """Predictions made from the gold: some exact, some shifted, roles dropped, some invented."""
    out: list[Prediction] = []
    n = len(article.text)
    for att in article.attributions:
        roll = rng.random()
        if roll < 0.15:
            continue  # missed
        start, end = att.content[0][0], att.content[-1][1]
        if roll > 0.6:  # boundaries off by a few characters: partial matches
            start = min(max(0, start + rng.randint(-12, 12)), n)
            end = min(max(start, end + rng.randint(-12, 12)), n)
        source = att.source[0] if att.source and rng.random() < 0.8 else None
        if source and rng.random() < 0.2:
            source = (source[0], min(n, source[1] + 5))
        cue = att.cue[0] if att.cue and rng.random() < 0.8 else None
        content: Span | Spans = (start, end)
        if len(att.content) > 1 and roll < 0.4:
            content = att.content  # a discontinuous quote, submitted in pieces
        out.append(Prediction(content, source, cue))
    for _ in range(rng.randint(0, 3)):  # false alarms, one of them empty
        start = rng.randrange(n)
        out.append(Prediction((start, min(n, start + rng.randint(0, 80))), None, (start, start)))
    return out


def test_metrics_agree_with_the_reference_scorer(tmp_path: Path) -> None:
    """The whole dev split, scored from gold-derived predictions (no analysis: fast)."""
    polnear = shared_path("data", "polnear")
    split = open_split(polnear, "dev")
    rng = random.Random(7)
    pred = tmp_path / "pred.jsonl"
    tally = Tally()
    with pred.open("w", encoding="utf-8") as fh:
        for article in split.articles():
            quotes = _perturbed(article, rng)
            tally.add(article, article_counts(article, quotes))
            record = {"id": article.id, "quotes": [q.to_dict() for q in quotes]}
            fh.write(json.dumps(record) + "\n")
    ours = tally.scores("dev").to_dict()
    assert ours["articles"] == 84
    _assert_agree(ours, _reference(polnear, pred, tmp_path / "ref.json"))


def _subset(polnear: Path, root: Path) -> Path:
    """A copy of some dev articles, so the reference scorer sees the same split we ran."""
    dev = open_split(polnear, "dev")
    for sub in ("text", "attributions"):
        (root / "dev" / sub).mkdir(parents=True)
    for stem in (*dev.ids[:N_FIRST], MULTI):
        shutil.copy(dev.folder / "text" / f"{stem}.txt", root / "dev" / "text")
        for ann in (dev.folder / "attributions").glob(f"{stem}_*.ann"):
            shutil.copy(ann, root / "dev" / "attributions")
    return root


def test_cli_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    """End to end: `newsgraph eval polnear --pred-out`, then the reference on that file."""
    data = _subset(shared_path("data", "polnear"), tmp_path / "polnear")
    pred = tmp_path / "pred.jsonl"
    ours = _run(
        "-m", "newsgraph", "eval", "polnear", str(data), "--split=dev", f"--pred-out={pred}"
    )
    assert ours.returncode == 0, ours.stderr
    scores = json.loads(ours.stdout)
    assert scores["articles"] == N_FIRST + 1 and scores["failed"] == 0
    assert "content exact" in ours.stderr and "indirect" in ours.stderr  # the tables
    lines = pred.read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_FIRST + 1
    _assert_agree(scores, _reference(data, pred, tmp_path / "ref.json"))


def test_limit_keeps_the_first_articles_in_file_name_order() -> None:
    polnear = shared_path("data", "polnear")
    everything = open_split(polnear, "dev")
    first = open_split(polnear, "dev", limit=3)
    assert first.ids == everything.ids[:3]
    assert list(everything.ids) == sorted(everything.ids)
    assert len(everything.annotators[MULTI]) == 6


# --- a hand-made split: no ../shared needed -------------------------------------------

TEXT = 'The mayor said "the bridge is closed." Officials believe repairs may take months.\n'
ANN = (
    "T1\tSource 0 9\tThe mayor\n"
    "T2\tCue 10 14\tsaid\n"
    'T3\tContent 15 38\t"the bridge is closed."\n'
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 39 48\tOfficials\n"
    "T5\tCue 49 56\tbelieve\n"
    "T6\tContent 57 64;65 80\trepairs may take months\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    "T7\tCue 10 14\tsaid\n"
    "E3\tAttribution:T7 Cue:T7\n"
)


def _split(root: Path, *, other_annotator: bool = False) -> Path:
    for sub in ("text", "attributions"):
        (root / "dev" / sub).mkdir(parents=True)
    for stem in ("b", "a"):
        (root / "dev" / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
        (root / "dev" / "attributions" / f"{stem}_x1.ann").write_text(ANN, encoding="utf-8")
    if other_annotator:  # sorts after x1, so it is not the one scored
        (root / "dev" / "attributions" / "a_z9.ann").write_text("", encoding="utf-8")
    return root


def test_parse_ann_reads_discontinuous_content_and_drops_contentless_events() -> None:
    atts, dropped = parse_ann(ANN)
    assert dropped == 1
    assert [a.id for a in atts] == ["E1", "E2"]
    assert atts[1].content == ((57, 64), (65, 80))
    assert atts[1].source == ((39, 48),) and atts[1].cue == ((49, 56),)


def test_open_split_picks_the_first_annotator_and_sorts_articles(tmp_path: Path) -> None:
    split = open_split(_split(tmp_path, other_annotator=True), "dev")
    assert split.ids == ("a", "b")
    article = split.read("a")
    assert article.annotator == "x1" and article.annotators == ("x1", "z9")
    assert len(article.attributions) == 2
    assert open_split(tmp_path, "dev", limit=1).ids == ("a",)


def test_open_split_also_finds_a_data_folder(tmp_path: Path) -> None:
    _split(tmp_path / "data")
    assert open_split(tmp_path, "dev").folder == tmp_path / "data" / "dev"


@pytest.mark.parametrize(
    ("where", "split", "message"),
    [
        ("missing", "dev", "no such folder"),
        ("", "test", "holds no test/text"),
        ("", "valid", "unknown split"),
    ],
)
def test_open_split_errors_are_one_line(
    tmp_path: Path, where: str, split: str, message: str
) -> None:
    root = _split(tmp_path) / where if where else _split(tmp_path)
    with pytest.raises(NewsgraphError, match=message):
        open_split(root, split)


def test_an_article_without_annotations_is_an_error(tmp_path: Path) -> None:
    _split(tmp_path)
    (tmp_path / "dev" / "text" / "c.txt").write_text("No one said anything.", encoding="utf-8")
    with pytest.raises(NewsgraphError, match="no attributions file for dev/c"):
        open_split(tmp_path, "dev")


def test_quote_marks_and_edge_punctuation_never_decide_a_match(tmp_path: Path) -> None:
    article = open_split(_split(tmp_path), "dev").read("a")
    bare = TEXT.index("the bridge")
    quotes = [
        # without the quotation marks and the full stop: still exact
        Prediction((bare, bare + len("the bridge is closed")), (4, 9), (10, 14)),
        # one word short: not exact, still overlapping; no source while gold has one
        Prediction((57, 72), None, None),
    ]
    counts = article_counts(article, quotes).metrics
    assert counts["content exact"] == (1, 2, 1, 2)
    assert counts["content any"] == (2, 2, 2, 2)
    assert counts["source"] == (1, 2, 1, 2)  # "mayor" overlaps "The mayor"
    assert counts["cue exact"] == (1, 1, 1, 2)
    assert counts["content overlap"] == (4 + 3, 4 + 3, 4 + 3, 4 + 4)


def test_quote_kind() -> None:
    text = '"All of it," he said. He called it "a hoax". He said it was over.'
    assert quote_kind(text, ((0, 12),)) == "direct"
    assert quote_kind(text, ((25, 43),)) == "mixed"
    assert quote_kind(text, ((53, 65),)) == "indirect"


def test_predictions_from_quotes_keep_offsets_and_drop_bad_spans() -> None:
    text = "The mayor said the bridge is closed."
    article = Article(text=text, source=Source(input="text"))
    article.quotes = [
        Quote(
            "q1",
            "indirect",
            TextSpan(15, 35, text[15:35]),
            cue=TextSpan(10, 14, "said"),
            speaker=Party(TextSpan(0, 9, "The mayor")),
        ),
        Quote("q2", "direct", TextSpan(15, 99, "out of range")),
        Quote("q3", "indirect", TextSpan(0, 3, "The"), speaker=Party(TextSpan(50, 60, "x"))),
    ]
    assert predictions(article) == [
        Prediction((15, 35), (0, 9), (10, 14)),
        Prediction((0, 3), None, None),
    ]
    assert Prediction((15, 35), None, (10, 14)).to_dict() == {
        "content": [15, 35],
        "source": None,
        "cue": [10, 14],
    }


def test_predictions_leave_out_nested_quotes_and_cut_out_the_cue() -> None:
    text = '"We are ready," he said, "and we will win." She said the vote was fair.'
    article = Article(text=text, source=Source(input="text"))
    said = text.index("said")
    she = text.index("She")
    article.quotes = [
        Quote(
            "q1",
            "direct",
            TextSpan(0, 43, text[:43]),
            cue=TextSpan(said, said + 4, "said"),
            speaker=Party(TextSpan(said - 3, said - 1, "he")),
        ),
        Quote(
            "q2",
            "indirect",
            TextSpan(she + 9, len(text) - 1, "the vote was fair"),
            cue=TextSpan(she + 4, she + 8, "said"),
            within="q1",
        ),
    ]
    (only,) = predictions(article)
    assert only.content == ((0, 15), (25, 43))
    assert only.to_dict()["content"] == [[0, 15], [25, 43]]
    inner = Quote(
        "q3", "indirect", TextSpan(0, 30, text[:30]), cue=TextSpan(said, said + 4, "said")
    )
    article.quotes = [inner]
    assert predictions(article)[0].content == ((0, said), (said + 4, 30))


def test_evaluate_scores_a_failing_article_as_no_quotes(tmp_path: Path) -> None:
    split = open_split(_split(tmp_path), "dev")
    seen: list[str] = []

    def predictor(text: str) -> list[Prediction]:
        if seen == ["a"]:
            raise NewsgraphError("gave up after the 1 s time limit")
        return [Prediction((15, 38), (0, 9), (10, 14))]

    scores: Scores = evaluate(split, predictor, advance=seen.append)
    assert seen == ["a", "b"]
    assert scores.failed == ["b: NewsgraphError: gave up after the 1 s time limit"]
    exact = scores.metrics["content exact"]
    assert exact is not None and exact.pred == (1, 1) and exact.gold == (1, 4)
    assert scores.recall["direct"].n_gold == 2 and scores.recall["direct"].exact == 0.5
    assert scores.to_dict()["failed"] == 1


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    for args, message in (
        ([str(tmp_path / "missing")], "no such folder"),
        ([str(_split(tmp_path)), "--split=train"], "holds no train/text"),
    ):
        result = _run("-m", "newsgraph", "eval", "polnear", *args)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0
        assert message in result.stderr


def test_pronoun_sources_are_scored_on_their_own() -> None:
    text = "He said the bridge is closed. The mayor said it was open."
    bridge, it_was = text.index("the bridge"), text.index("it was")
    mayor = text.index("The mayor")
    gold = [
        Attribution("E1", ((bridge, bridge + 20),), ((0, 2),), ((3, 7),)),
        Attribution(
            "E2", ((it_was, it_was + 11),), ((mayor, mayor + 9),), ((mayor + 10, mayor + 14),)
        ),
    ]
    article = GoldArticle("a", text, "x", ("x",), gold)
    quotes = [
        Prediction((bridge, bridge + 20), (0, 2), (3, 7)),  # right, and a pronoun source
        Prediction((it_was, it_was + 11), (0, 2), None),  # a pronoun where gold names the mayor
    ]
    counts = article_counts(article, quotes).metrics
    assert counts["source pronoun"] == (1, 2, 1, 1)
    assert counts["source"] == (1, 2, 1, 2)
