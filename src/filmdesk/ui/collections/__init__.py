"""A collection on the right: its description, rating and comments."""
