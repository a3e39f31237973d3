"""A screening list's page: entries with dates, notes and the screened mark."""
