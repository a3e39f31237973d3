"""The JSON backup carries posters (version 4): back byte for byte, checked when read."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.posters.images import PosterImage, content_hash, prepare_poster


def picture(kind: str, size: tuple[int, int], colour: tuple[int, ...]) -> PosterImage:
    """A poster as the catalog keeps it, made from a plain picture."""
    mode = "RGBA" if len(colour) == 4 else "RGB"
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, kind)
    return prepare_poster(out.getvalue(), f"test.{kind.lower()}")


def emptied(path: Path) -> Catalog:
    """A new catalog with no film at all."""
    other = open_catalog(str(path)).catalog
    for film in other.films.all():
        other.films.delete(film.id)
    return other


def with_posters(catalog: Catalog) -> dict[str, PosterImage]:
    """Three films with posters (two sharing one); title -> its poster."""
    jpeg = picture("JPEG", (200, 300), (200, 40, 40))
    png = picture("PNG", (120, 180), (10, 120, 200, 128))
    given = {"The Cranes Are Flying": jpeg, "The Letter": png, "The Stationmaster": jpeg}
    for title, image in given.items():
        catalog.posters.set(catalog.films.resolve(title).id, image)
    return given


def posters_by_title(catalog: Catalog) -> dict[str, bytes]:
    titles = {f.id: f.title for f in catalog.films.all()}
    found = {}
    for film_id, key in catalog.posters.of_films().items():
        data = catalog.posters.data(key)
        assert data is not None
        found[titles[film_id]] = data
    return found


def test_a_backup_with_posters_restores_them_byte_for_byte(
    catalog: Catalog, tmp_path: Path
) -> None:
    given = with_posters(catalog)
    backup = tmp_path / "backup.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["version"] == 4
    assert len(document["posters"]) == 2  # each picture once
    by_title = {f["title"]: f["poster"] for f in document["films"]}
    assert by_title["The Letter"] == given["The Letter"].hash
    assert sum(key is None for key in by_title.values()) == len(by_title) - 3

    other = emptied(tmp_path / "other.sqlite3")
    plan = plan_import(other, backup)
    assert plan.problems == []
    other.imports.apply(plan)
    restored = posters_by_title(other)
    assert restored == {title: image.data for title, image in given.items()}
    assert other.posters.count() == 2
    letter = other.posters.info(given["The Letter"].hash)
    assert letter is not None and (letter.format, letter.width, letter.height) == ("png", 120, 180)
    again = plan_import(other, backup)  # the same backup again changes nothing
    assert (len(again.new), len(again.updates)) == (0, 0)
    other.close()


def test_reimporting_puts_back_the_backups_poster_and_the_undo_takes_it_out(
    catalog: Catalog, tmp_path: Path
) -> None:
    given = with_posters(catalog)
    backup = tmp_path / "backup.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    cranes = catalog.films.resolve("The Cranes Are Flying").id
    letter = catalog.films.resolve("The Letter").id
    mirror = catalog.films.resolve("The Stationmaster").id
    changed = picture("JPEG", (90, 140), (0, 200, 0))
    catalog.posters.set(cranes, changed)  # changed since the backup
    catalog.posters.set(letter, None)  # removed since
    plan = plan_import(catalog, backup)
    assert sorted(film_id for film_id, _ in plan.updates) == sorted([cranes, letter])
    outcome = catalog.imports.run(plan)
    assert posters_by_title(catalog) == {title: image.data for title, image in given.items()}
    catalog.run(outcome.inverse)
    now = catalog.posters.of_films()
    assert (now.get(cranes), now.get(letter)) == (changed.hash, None)
    assert now[mirror] == given["The Stationmaster"].hash


def test_a_version_3_backup_leaves_the_films_posters_alone(
    catalog: Catalog, tmp_path: Path
) -> None:
    given = with_posters(catalog)
    backup = tmp_path / "v3.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["version"] = 3
    del document["posters"]
    for film in document["films"]:
        del film["poster"]
        if film["title"] == "The Letter":
            film["notes"] = "From the old backup"
    backup.write_text(json.dumps(document), encoding="utf-8")
    plan = plan_import(catalog, backup)
    assert (len(plan.updates), plan.problems) == (1, [])
    catalog.imports.apply(plan)
    assert posters_by_title(catalog) == {title: image.data for title, image in given.items()}
    other = emptied(tmp_path / "other.sqlite3")
    plan = plan_import(other, backup)
    assert (len(plan.new), plan.problems) == (10, [])
    other.imports.apply(plan)
    assert other.posters.of_films() == {}
    other.close()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("base64", "not base64"),
        ("hash", "its hash is not the poster's"),
        ("image", "not an image filmdesk can read"),
        ("missing", "the file's posters do not hold it"),
    ],
)
def test_a_damaged_poster_is_refused_naming_file_and_film(
    catalog: Catalog, tmp_path: Path, damage: str, said: str
) -> None:
    given = with_posters(catalog)
    backup = tmp_path / "damaged.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    key = given["The Letter"].hash
    entry = document["posters"][key]
    if damage == "base64":
        entry["data"] = entry["data"][:-8] + "!!!!===="
    elif damage == "hash":
        data = bytearray(base64.b64decode(entry["data"]))
        data[-20] ^= 0xFF
        entry["data"] = base64.b64encode(bytes(data)).decode()
    elif damage == "image":
        text = b"not a picture at all"
        document["posters"][content_hash(text)] = {"data": base64.b64encode(text).decode()}
        for film in document["films"]:
            if film["title"] == "The Letter":
                film["poster"] = content_hash(text)
    else:
        del document["posters"][key]
    backup.write_text(json.dumps(document), encoding="utf-8")

    other = emptied(tmp_path / "other.sqlite3")
    plan = plan_import(other, backup)
    (problem,) = plan.problems
    text = str(problem)
    assert str(backup) in text and "The Letter" in text and said in text
    assert "poster" in text
    with pytest.raises(UnreadableFileError):
        other.imports.apply(plan)
    assert (other.films.all(), other.posters.count()) == ([], 0)
    other.close()
