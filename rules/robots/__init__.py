"""Rules of the `robots` category."""
