"""The catalog itself: data model, database, seeding, search and the service. No Qt here."""
