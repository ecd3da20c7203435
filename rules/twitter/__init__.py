"""Rules of the `twitter` category."""
