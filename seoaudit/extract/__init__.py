"""extract: every producer of metadata becomes a `View` of the same normalised shape."""
