"""Images in the content have no `alt` attribute.

**What it checks.** Every `<img>` of the content (`content.rendered` for a WordPress post, the
`<body>` of an HTML page; images inside `<noscript>` aside) has a text alternative as axe-core's
`image-alt` rule (used by Lighthouse) defines it: an `alt` attribute (`alt=""` marks a decorative image
and passes, but an `alt` of only spaces fails), or a non-empty `aria-label`, `aria-labelledby` or
`title`, or `role="none"` / `role="presentation"`. Images hidden with `hidden`, `aria-hidden="true"` or
an inline `display:none` are skipped. One finding per page, listing the images.

**Why it matters.** Search engines read `alt` to understand an image and rank it in image search, and
screen readers read it aloud; an image without `alt` is announced by its file name. In WordPress the
`alt` comes from the Media Library's "Alternative Text" (or the image block's field) and is left out
when an image is inserted as raw HTML or by a page builder.

**Severity.** warning: a real accessibility and image-search defect of limited impact on the page's own
ranking.

**Options.** None.

**Source.** Lighthouse `image-alt` (axe-core `image-alt`: has-alt, aria-label, aria-labelledby,
non-empty-title, presentational-role; none: alt-space-value); Screaming Frog "Images: Missing Alt
Attribute"; peer-checks.md §7 row 97.

**Fails:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><img src="/wp-content/uploads/chart.png"></body></html>
```

**Passes:**

```html
<html lang="en"><head><title>Post</title></head>
<body><h1>Post</h1><img src="/wp-content/uploads/chart.png" alt="Sales by month, 2024">
<img src="/spacer.gif" alt=""></body></html>
```
"""

from seoaudit.model import Violation

from ._shared import content, where_list

ID = "content/img-alt-missing"
SEVERITY = "warning"


def check(page, options):
    found = content(page)
    if found is None:
        return
    missing = [img for img in found.images if not _has_text_alternative(img) and not _hidden(img)]
    if not missing:
        return
    items = [((img.get("src") or img.get("data-src") or "(no src)").strip(), found.at(img)) for img in missing]
    yield Violation(f"{len(missing)} image{'s' if len(missing) > 1 else ''} in {found.source} "
                    f"{'have' if len(missing) > 1 else 'has'} no alt attribute: {where_list(items)}",
                    items[0][1], value=[src for src, _ in items[:20]], expected="alt=\"…\" on every <img>",
                    view=found.view,
                    fix="Describe each image in its alt attribute (Media Library > Alternative Text), or write "
                        "alt=\"\" for a purely decorative image.")


def _has_text_alternative(img) -> bool:
    alt = img.get("alt")
    if alt is not None:
        return alt == "" or bool(alt.strip())
    if any((img.get(name) or "").strip() for name in ("aria-label", "aria-labelledby", "title")):
        return True
    return (img.get("role") or "").strip().lower() in ("none", "presentation")


def _hidden(img) -> bool:
    if img.get("hidden") is not None or (img.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = (img.get("style") or "").replace(" ", "").lower()
    return "display:none" in style
