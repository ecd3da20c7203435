"""Live mode against a REAL WordPress (Debian's package, MariaDB, PHP's server) on 127.0.0.1.

`.ci/run` brings it up with tests/wp/setup_wordpress.sh and exports SEOAUDIT_WP_URL,
SEOAUDIT_TEST_WP_USER and SEOAUDIT_TEST_WP_APP_PASSWORD (an application password). Without them (a
developer machine with no WordPress) every test here is skipped, saying why. To run them locally:

    tests/wp/setup_wordpress.sh && . /tmp/seoaudit-wp/env.sh && pytest tests/test_live_wordpress.py

The tests create published posts, a draft, a scheduled post and a page through REST, audit them with
`seoaudit check <REST URL>` and `seoaudit site`, and delete them afterwards.
"""

from __future__ import annotations

import json
import os
import uuid

import pytest
from typer.testing import CliRunner

from seoaudit.cli import app

WP_URL = os.environ.get("SEOAUDIT_WP_URL", "").rstrip("/")
WP_USER = os.environ.get("SEOAUDIT_TEST_WP_USER", "")
WP_PASSWORD = os.environ.get("SEOAUDIT_TEST_WP_APP_PASSWORD", "")

pytestmark = pytest.mark.skipif(
    not (WP_URL and WP_USER and WP_PASSWORD),
    reason="no WordPress to test against: SEOAUDIT_WP_URL / SEOAUDIT_TEST_WP_USER / SEOAUDIT_TEST_WP_APP_PASSWORD "
           "are unset (CI sets them with tests/wp/setup_wordpress.sh)")

runner = CliRunner()


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """A guard on top of the tests' own care: the fetcher refuses any address outside 127.0.0.0/8."""
    monkeypatch.setenv("SEOAUDIT_LOOPBACK_ONLY", "1")

AUTH = {"SEOAUDIT_WP_USER": WP_USER, "SEOAUDIT_WP_APP_PASSWORD": WP_PASSWORD}
ANONYMOUS = {"SEOAUDIT_WP_USER": "", "SEOAUDIT_WP_APP_PASSWORD": ""}
IGNORE = ["--ignore", "url/dev-host"]  # the test site lives on 127.0.0.1, which that rule rightly reports


def rest(method: str, path: str, payload: dict | None = None):
    import httpx

    assert WP_URL.startswith("http://127."), "loopback only"
    reply = httpx.request(method, f"{WP_URL}/wp-json/wp/v2/{path}", json=payload, auth=(WP_USER, WP_PASSWORD),
                          timeout=30)
    assert reply.status_code < 300, reply.text
    return reply


@pytest.fixture(scope="module")
def site():
    try:
        import httpx

        httpx.get(WP_URL + "/?rest_route=/", timeout=5)
    except Exception as exc:  # set up but not running: say so rather than fail every test
        pytest.skip(f"WordPress at {WP_URL} does not answer: {exc}")
    run = uuid.uuid4().hex[:8]
    made: dict[str, dict] = {}
    try:
        for i in range(3):
            made[f"post{i}"] = rest("POST", "posts", {"title": f"Published {i} {run}", "status": "publish",
                                                       "content": f"<p>Body {i}.</p>"}).json()
        made["draft"] = rest("POST", "posts", {"title": f"Draft {run}", "status": "draft",
                                                "content": "<p>Not yet.</p>"}).json()
        made["future"] = rest("POST", "posts", {"title": f"Scheduled {run}", "status": "future",
                                                 "date_gmt": "2035-01-01T10:00:00", "content": "<p>Later.</p>"}).json()
        made["page"] = rest("POST", "pages", {"title": f"About {run}", "status": "publish",
                                               "content": "<p>About us.</p>"}).json()
        yield made
    finally:
        for item in made.values():
            kind = "pages" if item.get("type") == "page" else "posts"
            rest("DELETE", f"{kind}/{item['id']}?force=true")


def invoke(*args, env):
    result = runner.invoke(app, [*map(str, args), "--isolated", "--format", "json", *IGNORE], env=env)
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    return result, report


def by_id(report) -> dict[int, dict]:
    ids = {d["source"].rsplit("/", 1)[1]: d for d in report["documents"]}
    return {int(k): d for k, d in ids.items() if k.isdigit()}


def test_check_a_published_rest_post(site):
    post = site["post0"]
    result, report = invoke("check", f"{WP_URL}/wp-json/wp/v2/posts/{post['id']}", env=ANONYMOUS)
    assert result.exit_code in (0, 1), result.stderr
    doc = report["documents"][0]
    assert doc["kind"] == "wp-post"
    rules = {f["rule"] for f in doc["findings"]}
    assert "wordpress/no-seo-output" in rules  # CI's WordPress has no SEO plugin
    # The served page was fetched and is fine on the wire: 200, no header canonical clash, indexable.
    assert not rules & {"url/http-error", "canonical/header-mismatch", "robots/x-robots-noindex", "url/redirect-chain"}


def test_check_the_served_page(site):
    post = site["post1"]
    _, report = invoke("check", post["link"], env=ANONYMOUS)
    doc = report["documents"][0]
    assert doc["kind"] == "html" and doc["metadata"]["canonical"] == post["link"]
    assert not {f["rule"] for f in doc["findings"]} & {"url/http-error", "canonical/final-url-mismatch"}


def test_site_with_credentials_pages_drafts_and_scheduled(site):
    result, report = invoke("site", WP_URL, "--per-page", "2", env=AUTH)
    assert result.exit_code in (0, 1), result.stderr
    assert WP_PASSWORD not in result.stdout + result.stderr
    found = by_id(report)
    for item in site.values():
        assert item["id"] in found, f"{item['id']} ({item['status']}) missing from the site audit"
    total = sum(int(rest("GET", f"{t}?per_page=1&context=edit&status=publish,future,draft,pending,private")
                    .headers["X-WP-Total"]) for t in ("posts", "pages"))
    assert len(report["documents"]) == total  # every page of 2 followed (X-WP-TotalPages)
    draft = {f["rule"]: f for f in found[site["draft"]["id"]]["findings"]}
    placeholder = draft["canonical/draft-placeholder"]["message"]
    assert "on publish it becomes" in placeholder
    slug = rest("GET", f"posts/{site['draft']['id']}?context=edit").json()["generated_slug"]
    assert f"/{slug}/" in placeholder
    scheduled = {f["rule"]: f for f in found[site["future"]["id"]]["findings"]}
    assert "/2035/01/01/" in scheduled["canonical/draft-placeholder"]["message"]


def test_site_anonymous_sees_published_only(site):
    result, report = invoke("site", WP_URL, env=ANONYMOUS)
    assert result.exit_code in (0, 1), result.stderr
    found = by_id(report)
    assert site["post0"]["id"] in found and site["page"]["id"] in found
    assert site["draft"]["id"] not in found and site["future"]["id"] not in found


def test_site_type_and_limit(site):
    _, report = invoke("site", WP_URL, "--type", "posts", "--limit", "2", "--per-page", "1", "--no-follow",
                       env=ANONYMOUS)
    assert len(report["documents"]) == 2
    assert all("/wp-json/wp/v2/posts/" in d["source"] for d in report["documents"])


def test_wrong_application_password(site):
    env = {"SEOAUDIT_WP_USER": WP_USER, "SEOAUDIT_WP_APP_PASSWORD": "wrong pass word wron gpas swor"}
    result, _ = invoke("site", WP_URL, env=env)
    assert result.exit_code == 2
    assert "401" in result.stderr and "SEOAUDIT_WP_APP_PASSWORD" in result.stderr
    assert "wrong pass word" not in result.stdout + result.stderr


def test_draft_rest_url_without_credentials_is_a_rest_error(site):
    result, _ = invoke("check", f"{WP_URL}/wp-json/wp/v2/posts/{site['draft']['id']}", env=ANONYMOUS)
    assert result.exit_code == 2
    assert "401" in result.stderr and "rest_forbidden" in result.stderr


def test_draft_rest_url_with_credentials(site):
    url = f"{WP_URL}/wp-json/wp/v2/posts/{site['draft']['id']}?context=edit"
    result, report = invoke("check", url, env=AUTH)
    assert result.exit_code in (0, 1), result.stderr
    assert "canonical/draft-placeholder" in {f["rule"] for f in report["documents"][0]["findings"]}


def test_rest_errors(site):
    result, _ = invoke("check", f"{WP_URL}/wp-json/wp/v2/posts/987654321", env=ANONYMOUS)
    assert result.exit_code == 2 and "rest_post_invalid_id" in result.stderr
    result, _ = invoke("site", WP_URL, "--status", "draft", env=ANONYMOUS)
    assert result.exit_code == 2 and "rest_invalid_param" in result.stderr and "needs credentials" in result.stderr


def test_wordpress_core_sitemap_index(site):
    result, report = invoke("check", f"{WP_URL}/wp-sitemap.xml", "--no-follow", env=ANONYMOUS)
    assert result.exit_code in (0, 1), result.stderr
    sources = {d["source"] for d in report["documents"]}
    assert site["post0"]["link"] in sources and site["page"]["link"] in sources
    assert site["draft"]["link"] not in sources
    assert all(d["kind"] == "html" for d in report["documents"])
