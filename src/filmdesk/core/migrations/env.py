"""Alembic environment: runs on the connection filmdesk.core.db hands over.

For developers, ``alembic -x url=sqlite:///path revision --autogenerate -m "..."`` (run with
``-c`` pointing at a config whose script_location is this folder) also works.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from filmdesk.core.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("pass the database with -x url=...")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
