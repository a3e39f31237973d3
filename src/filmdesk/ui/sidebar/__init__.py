"""The sidebar: library, collections, screening lists and tags."""
