"""Search texts kept: each film's folded words, as search reads them, so that a window opening a
big catalog reads them instead of folding every film's notes and description again. Triggers
delete a film's text when what it is made of changes (its title, original title, directors,
notes, description or tags), whoever changes it; the next window to open folds it again.

And the viewings' index on the film holds the day too: the months every film was watched in
are read in that index's order at start, with no sort and no lookup in the table.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# What makes a film's search text stale. SQLite: a trigger per row (the trigger's name, its
# event, the statement).
_FILMS = ("title", "original_title", "directors", "notes", "description")
_SQLITE = [
    (
        "film_changed",
        f"AFTER UPDATE OF {', '.join(_FILMS)} ON films",
        "DELETE FROM film_search_texts WHERE film_id = NEW.id",
    ),
    (
        "tag_added",
        "AFTER INSERT ON film_tags",
        "DELETE FROM film_search_texts WHERE film_id = NEW.film_id",
    ),
    (
        "tag_removed",
        "AFTER DELETE ON film_tags",
        "DELETE FROM film_search_texts WHERE film_id = OLD.film_id",
    ),
    (
        "tag_moved",
        "AFTER UPDATE OF film_id, tag_id ON film_tags",
        "DELETE FROM film_search_texts WHERE film_id IN (OLD.film_id, NEW.film_id)",
    ),
    (
        "tag_renamed",
        "AFTER UPDATE OF name, key ON tags",  # (a film's tags are in the order of their keys)
        "DELETE FROM film_search_texts"
        " WHERE film_id IN (SELECT film_id FROM film_tags WHERE tag_id = NEW.id)",
    ),
    # With foreign keys off (the sqlite3 shell's default), a deleted film's text would stay,
    # and pass to the next film given its id.
    (
        "film_deleted",
        "AFTER DELETE ON films",
        "DELETE FROM film_search_texts WHERE film_id = OLD.id",
    ),
    ("film_added", "AFTER INSERT ON films", "DELETE FROM film_search_texts WHERE film_id = NEW.id"),
]
# PostgreSQL: a trigger per statement, reading the rows it changed (a function call per row
# would slow an import of 100,000 films' tags); (name, event, transition tables, statement).
_CHANGED = " OR ".join(f"n.{column} IS DISTINCT FROM o.{column}" for column in _FILMS)
_POSTGRESQL = [
    (
        "film_changed",
        "AFTER UPDATE ON films",
        "OLD TABLE AS o_rows NEW TABLE AS n_rows",
        "DELETE FROM film_search_texts WHERE film_id IN (SELECT n.id FROM n_rows n"
        f" JOIN o_rows o ON o.id = n.id WHERE {_CHANGED.replace('directors', 'directors::text')})",
    ),
    (
        "tag_added",
        "AFTER INSERT ON film_tags",
        "NEW TABLE AS n_rows",
        "DELETE FROM film_search_texts WHERE film_id IN (SELECT film_id FROM n_rows)",
    ),
    (
        "tag_removed",
        "AFTER DELETE ON film_tags",
        "OLD TABLE AS o_rows",
        "DELETE FROM film_search_texts WHERE film_id IN (SELECT film_id FROM o_rows)",
    ),
    (
        "tag_moved",
        "AFTER UPDATE ON film_tags",
        "OLD TABLE AS o_rows NEW TABLE AS n_rows",
        "DELETE FROM film_search_texts WHERE film_id IN (SELECT film_id FROM o_rows"
        " UNION SELECT film_id FROM n_rows)",
    ),
    (
        "tag_renamed",
        "AFTER UPDATE ON tags",
        "OLD TABLE AS o_rows NEW TABLE AS n_rows",
        "DELETE FROM film_search_texts WHERE film_id IN (SELECT film_id FROM film_tags"
        " WHERE tag_id IN (SELECT n.id FROM n_rows n JOIN o_rows o ON o.id = n.id"
        " WHERE n.name IS DISTINCT FROM o.name OR n.key IS DISTINCT FROM o.key))",
    ),
    ("tags_emptied", "AFTER TRUNCATE ON film_tags", "", "DELETE FROM film_search_texts"),
]


def upgrade() -> None:
    op.create_table(
        "film_search_texts",
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["film_id"],
            ["films.id"],
            name=op.f("fk_film_search_texts_film_id_films"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("film_id", name=op.f("pk_film_search_texts")),
    )
    op.create_index("ix_viewings_film_id_watched_on", "viewings", ["film_id", "watched_on"])
    op.drop_index("ix_viewings_film_id", table_name="viewings")
    if op.get_bind().dialect.name == "postgresql":  # (a function per trigger there)
        for suffix, event, tables, statement in _POSTGRESQL:
            name = f"filmdesk_search_text_{suffix}"
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS"
                f" $$ BEGIN {statement}; RETURN NULL; END $$"
            )
            referencing = f" REFERENCING {tables}" if tables else ""
            op.execute(
                f"CREATE TRIGGER {name} {event}{referencing}"
                f" FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
    else:
        for suffix, event, statement in _SQLITE:
            op.execute(f"CREATE TRIGGER film_search_text_{suffix} {event} BEGIN {statement}; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for suffix, event, _tables, _statement in _POSTGRESQL:
            name = f"filmdesk_search_text_{suffix}"
            op.execute(f"DROP TRIGGER {name} ON {event.split(' ON ')[1]}")
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for suffix, _event, _statement in _SQLITE:
            op.execute(f"DROP TRIGGER film_search_text_{suffix}")
    op.drop_table("film_search_texts")
    op.create_index("ix_viewings_film_id", "viewings", ["film_id"])
    op.drop_index("ix_viewings_film_id_watched_on", table_name="viewings")
