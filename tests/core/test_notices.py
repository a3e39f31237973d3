"""Rows left out by design are notices: said in the dry run, never a reason to refuse."""

from __future__ import annotations

from pathlib import Path

from filmdesk.core.exchange import ImportPlan, Notice


def test_a_plan_counts_notices_apart_from_problems(tmp_path: Path) -> None:
    plan = ImportPlan(
        source=tmp_path / "ratings.csv",
        format="imdb",
        notices=[Notice("ratings.csv", 3, "A Series", "a TV series, left out")],
    )
    assert plan.summary() == "0 new, 0 updated, 0 unchanged, 0 problems, 1 left out by design"
    assert str(plan.notices[0]) == "ratings.csv, line 3 (A Series): a TV series, left out"
