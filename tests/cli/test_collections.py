"""filmdesk-cli collections and collection, run as a real subprocess on a real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import Cli, ok, one_line_error, refused_without_change


def test_collections_rate_comment_and_show(cli: Cli) -> None:
    table = ok(cli("collections")).splitlines()
    assert table[0].split() == ["ID", "Name", "Films", "Rating", "Comments"]
    assert "Soviet Films About Correspondence" in table[2] and table[-1] == "1 collection"
    assert "4.5 / 5" in ok(cli("collection", "rate", "soviet films about correspondence", "4.5"))
    ok(cli("collection", "comment", "1", "Seen with 9B"))
    ok(cli("collection", "comment", "1", "Второй раз — лучше"))
    shown = json.loads(ok(cli("collection", "show", "1", "--json")))
    assert (shown["name"], shown["source"], shown["rating"]) == (
        "Soviet Films About Correspondence", "cinepicker.com", 4.5
    )  # fmt: skip
    assert [c["text"] for c in shown["comments"]] == ["Второй раз — лучше", "Seen with 9B"]
    assert len(shown["films"]) == 10 and list(shown["films"][0])[:3] == [
        "id",
        "title",
        "original_title",
    ]
    text = ok(cli("collection", "show", "1"))
    assert "Rating:     4.5 / 5" in text and "Comments (2), newest first:" in text
    listed = json.loads(ok(cli("collections", "--json")))
    assert (listed[0]["rating"], listed[0]["comment_count"], len(listed[0]["films"])) == (
        4.5,
        2,
        10,
    )


def test_collection_create_add_remove_delete_keeps_films(cli: Cli) -> None:
    ok(cli("collection", "create", "Оттепель", "--description", "1956-1966"))
    ok(cli("collection", "add", "оттепель", "The Letter"))
    one_line_error(cli("collection", "add", "Оттепель", "The Letter"), 2, "already")
    ok(cli("collection", "remove", "Оттепель", "the letter"))
    assert "its films stay" in ok(cli("collection", "delete", "Оттепель"))
    assert len(cli.films()) == 10


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["collection", "rate", "1", "7"], 2, ["rating", "7"]),
        (["collection", "rate", "No such", "4"], 1, ["No such"]),
        (["collection", "comment", "1", "  "], 2, ["comment"]),
        (["collection", "create", "SOVIET FILMS about correspondence"], 2, ["taken"]),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], status: int, words: list[str]
) -> None:
    refused_without_change(cli, tmp_path, args, status, words)


def test_a_film_of_the_collection_is_named_as_the_core_folds_titles(cli: Cli) -> None:
    # Two films called "Ёлка"; the collection holds one. "елка" (е for ё, another case) names
    # that one there, as the core folds titles, rather than both films of the catalog.
    new = json.loads(ok(cli("add", "--title", "Ёлка", "--year", "2010", "--json")))
    ok(cli("add", "--title", "Ёлка", "--year", "1990"))
    ok(cli("collection", "create", "Зима"))
    ok(cli("collection", "add", "Зима", str(new["id"])))
    removed = ok(cli("collection", "remove", "зима", "ЕЛКА"))
    assert removed == "Removed Ёлка (2010) from Зима (the film stays)\n"
    shown = json.loads(ok(cli("collection", "show", "Зима", "--json")))
    assert shown["films"] == [] and len(cli.films()) == 12
