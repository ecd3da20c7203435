"""Rules of the `description` category."""
