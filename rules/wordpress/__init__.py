"""Rules of the `wordpress` category."""
