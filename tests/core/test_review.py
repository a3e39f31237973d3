"""The year in review (PDF): its figures, its list of the year's films in the order they were
watched with the ratings given then, in English and Russian; read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.formats import ExportOptions, YearReview, review_export_for
from filmdesk.core.exchange.review import export_review, plural

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

# title -> (fields, viewings as (day, rating given then, rewatch marked))
FILMS: dict[str, tuple[dict[str, object], list[tuple[date, float | None, bool]]]] = {
    "Mirror": (
        {"year": 1975, "directors": ["Andrei Tarkovsky"], "runtime_minutes": 107, "rating": 3},
        [(date(2025, 3, 12), 4, False), (date(2025, 3, 20), 4.5, False)],
    ),
    "Stalker": (
        {"year": 1979, "directors": ["Andrei Tarkovsky"], "runtime_minutes": 162},
        [(date(2025, 1, 5), 5, False)],
    ),
    "Летят журавли": (
        {"year": 1957, "directors": ["Михаил Калатозов"], "runtime_minutes": 97},
        [(date(2024, 5, 9), 4, False), (date(2025, 11, 2), None, True)],
    ),
    "Amélie": ({"year": 2001}, [(date(2024, 6, 1), 3.5, False)]),
    "Never Seen": ({"year": 1962}, []),
}  # fmt: skip


def build(catalog: Catalog) -> None:
    """Only FILMS, with their viewings."""
    catalog.films.delete_many([film.id for film in catalog.films.all()])
    for title, (fields, viewings) in FILMS.items():
        film = catalog.films.add({"title": title, **fields})  # type: ignore[typeddict-item]
        for day, rating, rewatch in viewings:
            catalog.films.add_viewing(
                film.id, {"watched_on": day, "rating": rating, "rewatch": rewatch}
            )


def text_of(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def diary(text: str, heading: str) -> list[str]:
    """The lines of the list of viewings (after its heading): those starting with a day (not
    a month's name, nor a page's footer)."""
    lines = text.split(heading, 1)[1].splitlines()
    return [" ".join(line.split()) for line in lines
            if line.strip()[:1].isdigit() and "·" not in line]  # fmt: skip


def test_the_year_s_figures_and_films_in_order(catalog: Catalog, tmp_path: Path) -> None:
    build(catalog)
    out = tmp_path / "review-2025.pdf"
    assert export_review(out, catalog, 2025, "en") == 3  # films watched in 2025
    text = text_of(out)
    assert "2025 in films" in text
    # 3 films, 4 viewings, 2 rewatches (Mirror's second, the cranes' marked one),
    # 107 * 2 + 162 + 97 minutes = 7.9 hours, 1 film never watched.
    figures = " ".join(text.split("Viewings per month")[0].split())
    assert "3 4 2 7.9 1" in figures
    for label in ("films watched", "viewings", "rewatches", "hours", "film never watched"):
        assert label in figures
    assert "Busiest month: March, 2 viewings." in figures
    assert diary(text, "Every film watched, in order") == [
        "5 January Stalker (1979) ★★★★★",
        "12 March Mirror (1975) ★★★★",
        "20 March Mirror (1975) ★★★★½ rewatch",
        "2 November Летят журавли (1957) rewatch",
    ]
    assert "Andrei Tarkovsky" in text and "Highest rated" in text
    assert "Amélie" not in text  # watched in 2024 only


def test_in_russian_with_month_names_and_plurals(catalog: Catalog, tmp_path: Path) -> None:
    build(catalog)
    out = tmp_path / "review.pdf"
    export_review(out, catalog, 2025, "ru")
    text = text_of(out)
    assert "2025 год в кино" in text
    figures = " ".join(text.split("Просмотры по месяцам")[0].split())
    assert "3 4 2 7,9 1" in figures
    for label in ("фильма посмотрено", "просмотра", "пересмотра", "часа", "фильм ещё не"):
        assert label in figures
    assert "Больше всего просмотров — март: 2 просмотра." in figures
    assert "Январь" in text and "Март" in text and "Ноябрь" in text
    assert diary(text, "Все просмотры года по порядку") == [
        "5 января Stalker (1979) ★★★★★",
        "12 марта Mirror (1975) ★★★★",
        "20 марта Mirror (1975) ★★★★½ повторно",
        "2 ноября Летят журавли (1957) повторно",
    ]


def test_a_year_without_viewings_says_so_on_one_page(catalog: Catalog, tmp_path: Path) -> None:
    build(catalog)
    out = tmp_path / "empty.pdf"
    chosen = review_export_for(out)  # the table of formats, as a front end uses it
    assert chosen is not None
    assert chosen.write(out, YearReview(catalog, 2019, "en"), ExportOptions()) == 0
    text = text_of(out)
    assert "2019 in films" in text and "No films were watched in 2019." in text
    assert text.count("\f") == 1  # one page
    assert review_export_for(tmp_path / "review.csv") is None


def test_viewings_of_a_year_and_the_years(catalog: Catalog) -> None:
    build(catalog)
    assert catalog.stats.years() == (2025, 2024)
    found = catalog.stats.viewings_in(2024)
    assert [(v.title, v.watched_on, v.rating, v.rewatch) for v in found] == [
        ("Летят журавли", date(2024, 5, 9), 4, False),
        ("Amélie", date(2024, 6, 1), 3.5, False),
    ]
    with pytest.raises(ValueError):
        catalog.stats.viewings_in(0)


@pytest.mark.parametrize(
    ("count", "word"),
    [(1, "фильм"), (2, "фильма"), (4, "фильма"), (5, "фильмов"), (11, "фильмов"),
     (12, "фильмов"), (21, "фильм"), (22, "фильма"), (111, "фильмов"), (0, "фильмов")],
)  # fmt: skip
def test_russian_plurals(count: int, word: str) -> None:
    assert plural(count, ("фильм", "фильма", "фильмов"), "ru") == word


def test_fractions_and_english_plurals() -> None:
    assert plural(7.9, ("час", "часа", "часов"), "ru") == "часа"
    assert plural(1, ("hour", "hours"), "en") == "hour"
    assert plural(1.5, ("hour", "hours"), "en") == "hours"
