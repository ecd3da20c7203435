"""Rules of the `title` category."""
