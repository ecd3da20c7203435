"""Rules of the `content` category."""
