"""Rules of the `schema` category."""
