"""The statistics page: figures, charts and lists of what was watched (View › Statistics)."""
