"""Two WordPress setups at once on one machine, as two CI runs make them: both pass, neither touches the other.

Runs only where CI runs it (`CI=true .ci/run` sets SEOAUDIT_WP_SETUP_TEST=1: it needs root, Debian's packages
and about a minute); skipped elsewhere, and failed instead of skipped when SEOAUDIT_WP_REQUIRED=1 promised a
WordPress. It starts two `tests/wp/setup_wordpress.sh` at the same time (each with its own state directory, as
`.ci/run` does), runs tests/test_live_wordpress.py against both at the same time, stops the first while the
second is still up and checks the second still works, then stops the second and checks nothing is left: no PHP
server, no MariaDB, no config file, no port.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT

SETUP = ROOT / "tests" / "wp" / "setup_wordpress.sh"
WANTED = os.environ.get("SEOAUDIT_WP_SETUP_TEST") == "1"
REQUIRED = os.environ.get("SEOAUDIT_WP_REQUIRED") == "1"


def setup(action: str, state: Path) -> subprocess.Popen:
    return subprocess.Popen(["bash", str(SETUP), action, str(state)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def env_of(state: Path) -> dict[str, str]:
    found = dict(re.findall(r"export (\w+)='([^']*)'", (state / "env.sh").read_text()))
    assert set(found) == {"SEOAUDIT_WP_URL", "SEOAUDIT_TEST_WP_USER", "SEOAUDIT_TEST_WP_APP_PASSWORD"}
    return found


def processes_of(state: Path) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if str(state) in line and entry.name.isdigit() and int(entry.name) != os.getpid():
            found.append(line)
    return found


def answers(url: str, auth: tuple[str, str] | None = None) -> int | None:
    import httpx

    try:
        return httpx.get(f"{url}/wp-json/wp/v2/users/me?context=edit", auth=auth, timeout=10).status_code
    except httpx.HTTPError:
        return None


def port_open(url: str) -> bool:
    port = int(url.rsplit(":", 1)[1])
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_two_wordpress_setups_at_once():
    if not WANTED:
        if REQUIRED:
            pytest.fail("SEOAUDIT_WP_REQUIRED=1 but SEOAUDIT_WP_SETUP_TEST is not 1", pytrace=False)
        pytest.skip("brings up two WordPress: CI only (SEOAUDIT_WP_SETUP_TEST=1, set by CI=true .ci/run; needs root)")
    first, second = (Path(tempfile.mkdtemp(prefix="seoaudit-wp-test.")) for _ in range(2))
    states = [first, second]
    try:
        starts = [setup("start", state) for state in states]
        outputs = [p.communicate(timeout=900)[0] for p in starts]
        assert [p.returncode for p in starts] == [0, 0], "\n".join(outputs)
        envs = [env_of(state) for state in states]
        assert envs[0]["SEOAUDIT_WP_URL"] != envs[1]["SEOAUDIT_WP_URL"]
        assert envs[0]["SEOAUDIT_TEST_WP_APP_PASSWORD"] != envs[1]["SEOAUDIT_TEST_WP_APP_PASSWORD"]

        # The live WordPress tests, against both at the same time.
        runs = [subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                  "tests/test_live_wordpress.py"], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True,
                                 env={**os.environ, **env, "SEOAUDIT_WP_REQUIRED": "1"}) for env in envs]
        results = [run.communicate(timeout=900)[0] for run in runs]
        for run, output in zip(runs, results, strict=True):
            assert run.returncode == 0, output
            assert re.search(r"\b\d+ passed\b", output) and "skipped" not in output, output

        # Each password belongs to its own WordPress only.
        one, two = ((env["SEOAUDIT_TEST_WP_USER"], env["SEOAUDIT_TEST_WP_APP_PASSWORD"]) for env in envs)
        assert answers(envs[0]["SEOAUDIT_WP_URL"], one) == 200
        assert answers(envs[1]["SEOAUDIT_WP_URL"], one) == 401

        # Stopping the first leaves the second whole.
        stop = setup("stop", first)
        assert stop.wait(timeout=120) == 0, stop.communicate()[0]
        assert processes_of(first) == [] and not first.exists()
        assert not port_open(envs[0]["SEOAUDIT_WP_URL"])
        assert answers(envs[1]["SEOAUDIT_WP_URL"], two) == 200
        assert any("mariadbd" in line for line in processes_of(second))

        stop = setup("stop", second)
        assert stop.wait(timeout=120) == 0, stop.communicate()[0]
        assert processes_of(second) == [] and not second.exists()
        assert not port_open(envs[1]["SEOAUDIT_WP_URL"])
        assert not [p for p in Path("/etc/wordpress").glob("config-seoaudit-*.php")
                    if any(str(s) in p.read_text() for s in states)]
    finally:
        for state in states:
            if state.exists():
                setup("stop", state).wait(timeout=120)
