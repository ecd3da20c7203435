"""Rules of the `image` category."""
