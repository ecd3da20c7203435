"""Rules of the `url` category."""
