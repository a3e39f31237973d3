"""Posters: a picture per film, kept in the catalog itself once per content (its hash)."""
