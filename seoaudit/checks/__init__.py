"""Checkers that a family of rules shares across categories: each rule keeps its module, id and doc, and its
`check` is a call into one of these."""
