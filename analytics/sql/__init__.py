"""SQL files, one relation per file, loaded by name (see ``analytics.queries``)."""
