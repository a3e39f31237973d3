"""filmdesk: a desktop catalog for film collections."""

# The one place the version is written (pyproject.toml reads it from here); a constant, not
# importlib.metadata, which costs tens of milliseconds at every start.
__version__ = "0.1.0"
