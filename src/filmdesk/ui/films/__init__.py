"""The film table (model, view, search, loading) and the film's detail panel."""
