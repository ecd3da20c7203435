"""What the schema rules share: the page's graph and view, schema.org type families, `@id` helpers.

Type families are deliberately small: a rule that judges a type asks `judgeable()` first, so a type
we do not know (a LocalBusiness subtype such as `Dentist`) is never reported as a mismatch.
"""

from __future__ import annotations

from seoaudit import urls

IMAGE = frozenset({"ImageObject", "ImageObjectSnapshot", "Barcode"})
PERSON = frozenset({"Person", "Patient"})
ORGANIZATION = frozenset({
    "Organization", "Corporation", "LocalBusiness", "OnlineBusiness", "OnlineStore", "NewsMediaOrganization",
    "EducationalOrganization", "CollegeOrUniversity", "School", "GovernmentOrganization", "NGO", "Project",
    "ResearchProject", "FundingAgency", "ResearchOrganization", "MedicalOrganization", "PerformingGroup",
    "MusicGroup", "SportsOrganization", "SportsTeam", "Airline", "Consortium", "LibrarySystem", "WorkersUnion",
    "Store", "Restaurant",
})
WEBPAGE = frozenset({
    "WebPage", "AboutPage", "CheckoutPage", "CollectionPage", "ContactPage", "FAQPage", "ItemPage",
    "MedicalWebPage", "ProfilePage", "QAPage", "RealEstateListing", "SearchResultsPage", "MediaGallery",
    "ImageGallery", "VideoGallery",
})
WEBSITE = frozenset({"WebSite"})
BREADCRUMB = frozenset({"BreadcrumbList"})
ARTICLE = frozenset({
    "Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
    "Report", "ScholarlyArticle", "MedicalScholarlyArticle", "TechArticle", "APIReference", "SatiricalArticle",
    "AdvertiserContentArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
})
# CreativeWorks that can contain an article or a page (media objects cannot).
CONTAINER_WORK = frozenset({
    "CreativeWork", "Blog", "Book", "Periodical", "Newspaper", "PublicationIssue", "PublicationVolume",
    "CreativeWorkSeries", "Collection", "Course", "Guide", "Dataset", "WebPageElement", "PodcastSeries",
    "Chapter", "Thesis", "Article", *ARTICLE, *WEBPAGE, *WEBSITE,
})
OTHER_KNOWN = frozenset({
    "Thing", "VideoObject", "AudioObject", "MediaObject", "ItemList", "ListItem", "Product", "Offer", "Event",
    "Place", "PostalAddress", "SearchAction", "ReadAction", "CommentAction", "EntryPoint", "Recipe", "HowTo",
    "Review", "Rating", "AggregateRating", "Question", "Answer", "Comment", "Service",
    "Brand",  # Yoast writes ["Organization", "Brand"]: a Brand alone is not an Organization
})
KNOWN = IMAGE | PERSON | ORGANIZATION | WEBPAGE | WEBSITE | BREADCRUMB | ARTICLE | CONTAINER_WORK | OTHER_KNOWN

SITE_ENTITIES = frozenset({"WebSite", "Organization", "Person"})

# The properties Google requires for the rich result of a type (Search Central, structured data gallery,
# "Required properties"): a node of the type without one of them is not eligible. Article has none.
GOOGLE_REQUIRED: dict[str, frozenset[str]] = {
    "VideoObject": frozenset({"name", "thumbnailUrl", "uploadDate"}),
    "Recipe": frozenset({"name", "image"}),
    "Event": frozenset({"name", "startDate", "location"}),
    "JobPosting": frozenset({"title", "description", "datePosted", "hiringOrganization", "jobLocation"}),
    "Course": frozenset({"name", "description", "provider"}),
    "Dataset": frozenset({"name", "description"}),
    "BreadcrumbList": frozenset({"itemListElement"}),
    "ListItem": frozenset({"position", "name", "item"}),
    "Product": frozenset({"name"}),
    "Review": frozenset({"author", "itemReviewed", "reviewRating"}),
    "FAQPage": frozenset({"mainEntity"}),
    "Question": frozenset({"name", "acceptedAnswer"}),
    "Answer": frozenset({"text"}),
}


# The types whose structured data feeds a Google search feature (a rich result, the logo, the byline).
GOOGLE_FEATURE_TYPES = frozenset(GOOGLE_REQUIRED) | ARTICLE | ORGANIZATION | {"HowTo", "QAPage", "SoftwareApplication",
                                                                             "Book", "Movie", "LocalBusiness"}


def google_requires(node, prop: str) -> str | None:
    """The type of `node` for whose rich result Google requires `prop`, or None when no feature needs it."""
    return next((t for t in node.types if prop in GOOGLE_REQUIRED.get(t, ())), None)


def schema_graph(page):
    """The page's graph and the name of the view it came from (None when the page has no JSON-LD)."""
    view = page.schema_view
    return (page.graph, view.name) if view is not None else (None, None)


def judgeable(types) -> bool:
    """True when every type is one we know the family of, so a mismatch is a fact and not ignorance."""
    return bool(types) and all(t in KNOWN for t in types)


def is_blank(value) -> bool:
    return isinstance(value, str) and not value.strip()


def node_label(node) -> str:
    """How a message names a node: its type and its `@id` (or its place when it has none)."""
    kind = "/".join(node.types) or "untyped node"
    where = node.id if node.id else f"at {node.location.describe()}"
    return f"{kind} {where}"


def id_page(raw: str) -> str:
    """The page an `@id` sits on: the id without its fragment."""
    return urls.without_fragment(raw)


def fragment(raw: str) -> str:
    return raw.split("#", 1)[1] if "#" in raw else ""


def block_text(view, block) -> str | None:
    """The raw text of an HTML view's JSON-LD script (the block keeps only its parsed data), found by line
    and by order among the JSON-LD scripts that start on that line."""
    if view.tree is None or block.location.line is None:
        return None
    same_line = [b for b in view.jsonld if b.location.line == block.location.line]
    scripts = [s for s in view.tree.iter("script") if s.sourceline == block.location.line
               and (s.get("type") or "").strip().lower() == "application/ld+json"]
    if len(scripts) != len(same_line):
        return None
    return scripts[same_line.index(block)].text or ""
