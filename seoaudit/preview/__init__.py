"""Previews: what a page looks like in Google and when it is shared, built from the metadata a run already
extracted, with each finding beside the element it concerns.

    from seoaudit.preview import build
    previews = build(result.metadata, result.findings)        # a DocumentResult of any run
    previews.search   # [SearchResult desktop, SearchResult mobile]   (search.py)
    previews.cards    # [Card facebook, linkedin, x, slack, discord]  (cards.py)
    previews.placed   # {element: [index of the finding in `findings`]}

`build` is a pure function of the metadata, the findings and the real images the run has at hand
(`images.probed`, `images.next_to`): it never reads a file or the network. Text widths come from the
rules' own Arial table (text.py), image crops from the declared or real sizes (geometry.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .cards import Card, cards
from .images import RealImage
from .search import SearchResult, results

# Where a finding is drawn: the element of a preview it concerns, by rule category (and, for the image rules
# of the Open Graph and X families, by being about the image).
ELEMENT_OF_CATEGORY = {"robots": "indexing", "canonical": "url", "url": "url", "title": "title",
                       "description": "description", "image": "image", "opengraph": "opengraph",
                       "twitter": "twitter"}
IMAGE_ELEMENT = {"opengraph": "og-image", "twitter": "x-image"}
# The elements each preview shows findings for.
SEARCH_ELEMENTS = {"header": ("indexing",), "url": ("url",), "title": ("title",), "description": ("description",)}
CARD_ELEMENTS = {"body": ("opengraph",), "image": ("image", "og-image")}
X_CARD_ELEMENTS = {"body": ("twitter",), "image": ("image", "x-image")}


def element_of(rule: str, category: str) -> str:
    """The preview element a finding of `rule` concerns: indexing, url, title, description, image, og-image,
    x-image, opengraph, twitter, or other (schema, WordPress fields, content, input)."""
    if category in IMAGE_ELEMENT and "image" in rule.split("/", 1)[-1]:
        return IMAGE_ELEMENT[category]
    return ELEMENT_OF_CATEGORY.get(category, "other")


@dataclass(frozen=True, slots=True)
class Previews:
    search: list[SearchResult]
    cards: list[Card]
    placed: dict[str, list[int]]  # element → indices of the findings drawn beside it

    def for_element(self, *elements: str) -> list[int]:
        return sorted(i for element in elements for i in self.placed.get(element, ()))

    def to_dict(self) -> dict[str, Any]:
        return {"search": [r.to_dict() for r in self.search], "cards": [c.to_dict() for c in self.cards],
                "placed": self.placed}


WIDTH_RULES = ("title/width-px-too-wide", "description/width-px-too-wide")


def rule_options(config) -> dict[str, dict]:
    """The width rules' options in effect for a run (defaults, then the config's), which set the desktop cut."""
    from ..registry import all_rules

    rules = all_rules()
    return {rule_id: {**rules[rule_id].options, **config.options.get(rule_id, {})}
            for rule_id in WIDTH_RULES if rule_id in rules}


def of_result(result, config) -> Previews:
    """The previews of an audited document (`engine.DocumentResult`), with the real images the run has."""
    from .images import at_hand

    return build(result.metadata, result.findings, at_hand(result.document.source, result.metadata, result.images),
                 rule_options(config))


def build(metadata: dict, findings: Sequence[Any] = (), real: Mapping[str, RealImage] | None = None,
          options: dict | None = None) -> Previews:
    """The previews of one document. `findings` are `Finding`s or their JSON dicts; `options` the rules'
    options by rule id (the width rules' limits set the desktop cut)."""
    placed: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        rule, category = (finding["rule"], finding["category"]) if isinstance(finding, dict) else (
            finding.rule, finding.category)
        placed.setdefault(element_of(rule, category), []).append(index)
    return Previews(results(metadata, options), cards(metadata, real), placed)
