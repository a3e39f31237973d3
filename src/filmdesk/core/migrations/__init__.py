"""Alembic migrations, shipped inside the package and run whenever a catalog is opened."""
