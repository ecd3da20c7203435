"""discovery: which files a run reads, found as ruff finds Python files.

- A path named on the command line is always read (a folder is walked), unless `force-exclude` is on and
  the path, or a folder above it up to the project root, matches `exclude` / `extend-exclude`: that is
  what a pre-commit hook's file lists need.
- Walking a folder, every entry below it is matched against `exclude` (default `DEFAULT_EXCLUDE`: hidden
  files and folders, `node_modules`, virtual environments, `vendor`…) and `extend-exclude`; an excluded
  folder is not entered. A pattern is a glob (`*` also matches `/`, as in ruff) matched against the
  entry's name when it has no `/`, and against its path relative to the folder of the config that set it
  (the working directory for `--exclude`).
- `.gitignore` files (inside a git work tree, with `.git/info/exclude`) and `.ignore` files are
  respected with git's own semantics (pathspec), unless `respect-gitignore = false`.
- A file found by walking is read when its name matches `include` / `extend-include` (default: .json,
  .html, .htm and .xml, each maybe gzipped), case aside. What it holds decides the rest (load.py): JSON
  that is none of seoaudit's input shapes and XML that is no sitemap are skipped there.
- seoaudit's own files (the baseline, the reports it writes) are never inputs.

The settings of a folder are those of the nearest config above it (`settings_for`), so a nested
project's config governs its own subtree, as in ruff.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from itertools import chain
from pathlib import Path
from typing import Any

DEFAULT_EXCLUDE = (".*", "node_modules", "bower_components", "__pycache__", "venv", "site-packages", "vendor")
DEFAULT_INCLUDE = ("*.json", "*.html", "*.htm", "*.xml", "*.json.gz", "*.html.gz", "*.htm.gz", "*.xml.gz",
                   "*.warc", "*.warc.gz")  # not NDJSON, read when named: a folder may hold NDJSON reports
IGNORE_FILES = (".gitignore", ".ignore")


@dataclass(frozen=True)
class Pattern:
    """A glob and the folder its relative form is anchored to."""

    glob: str
    base: Path

    @classmethod
    def of(cls, glob: str, base: Path) -> Pattern:
        text = glob.strip()
        while text.startswith("./"):
            text = text[2:]
        return cls(text.rstrip("/") or text, base)

    def matches(self, path: Path, name: str, relative: str | None = None) -> bool:
        """`relative`: `relative_posix(path, self.base)`, when the caller has it already."""
        if "/" not in self.glob and fnmatchcase(name, self.glob):
            return True
        if relative is None:
            relative = relative_posix(path, self.base)
        return relative not in ("", ".") and fnmatchcase(relative, self.glob)


def relative_posix(path: Path, base: Path) -> str:
    """`path` relative to `base` in POSIX form ("." for `base` itself), "" when it is not below `base`."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return ""


@dataclass(frozen=True)
class FileRules:
    """How one config finds files. `root`: the project root (the config's folder, or the working directory)."""

    root: Path
    exclude: tuple[Pattern, ...] = ()
    extend_exclude: tuple[Pattern, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    extend_include: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    @classmethod
    def default(cls, root: Path) -> FileRules:
        return cls(root, tuple(Pattern.of(glob, root) for glob in DEFAULT_EXCLUDE))

    def exclusion(self, path: Path) -> str | None:
        """Why `path` (absolute) is excluded, or None."""
        name = path.name
        relatives: dict[Path, str] = {}  # by pattern base: the patterns of one config share one (pathlib is slow)
        for key, patterns in (("exclude", self.exclude), ("extend-exclude", self.extend_exclude)):
            for pattern in patterns:
                relative = relatives.get(pattern.base)
                if relative is None:
                    relative = relatives[pattern.base] = relative_posix(path, pattern.base)
                if pattern.matches(path, name, relative):
                    return f"excluded by {key} {pattern.glob!r}"
        return None

    def forced_exclusion(self, path: Path) -> str | None:
        """ruff's force-exclude: the path or a folder above it, up to the project root, is excluded."""
        for candidate in (path, *path.parents):
            why = self.exclusion(candidate)
            if why is not None or candidate == self.root or candidate.parent == candidate:
                return why
        return None

    def includes(self, name: str) -> bool:
        lowered = name.lower()
        return any(fnmatchcase(lowered, glob.lower()) for glob in (*self.include, *self.extend_include))


@dataclass(frozen=True)
class Entry:
    """A path the run met. `skipped` says why it is not read (None: read it); `settings` is the owner's."""

    path: Path | None  # None: standard input
    source: str  # the name reports show
    explicit: bool  # named on the command line (not found by walking)
    skipped: str | None = None
    is_dir: bool = False
    included: bool = True  # its name matches `include`: a named file with another extension is no input
    settings: Any = None
    top: str | None = None  # the named folder whose walk found it; on the folder's own entry, which ends the walk


@dataclass
class _Ignores:
    """The gitignore-style files that apply in one folder, nearest last: (folder, spec, file name)."""

    specs: list[tuple[Path, Any, str]] = field(default_factory=list)

    def enter(self, directory: Path, names: Iterable[str]) -> _Ignores:
        added = [(directory, spec, name) for name in names if (spec := _read_spec(directory / name)) is not None]
        return _Ignores(self.specs + added) if added else self

    def match(self, path: Path, is_dir: bool) -> str | None:
        """The ignore file that ignores `path`, or None. The nearest file that has a say decides (git). Only
        the entry itself is matched, never the folders above it (ripgrep's and ruff's walk): the contents of
        an ignored folder that was named on the command line are walked."""
        for base, spec, name in reversed(self.specs):
            relative = path.relative_to(base).as_posix()
            verdict = spec.check_file(relative + ("/" if is_dir else "")).include
            if verdict and "/" in relative and spec.check_file(relative.rsplit("/", 1)[0] + "/").include:
                continue  # pathspec matches below an ignored folder too: that is the folder's verdict
            if verdict is not None:
                return f"ignored by {_shown(base / name)}" if verdict else None
        return None


def _read_spec(path: Path):
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(text.splitlines())


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _git_root(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _ignores_above(top: Path) -> tuple[_Ignores, tuple[str, ...]]:
    """The ignore files of the folders above `top` that apply below it, and the names to read in each
    folder of the walk. In a git work tree: `.git/info/exclude`, then the `.gitignore` and `.ignore` files
    from the work tree's root down to `top`'s parent. Outside one, git ignores `.gitignore`: only `.ignore`."""
    git_root = _git_root(top)
    if git_root is None:
        return _Ignores(), IGNORE_FILES[1:]
    exclude = _read_spec(git_root / ".git" / "info" / "exclude")
    ignores = _Ignores([(git_root, exclude, ".git/info/exclude")] if exclude is not None else [])
    for directory in reversed(top.parents):
        if directory == git_root or git_root in directory.parents:
            ignores = ignores.enter(directory, IGNORE_FILES)
    return ignores, IGNORE_FILES


def discover(paths: Iterable[str], settings_for: Callable[[Path], Any], own: Iterable[Path] = ()) -> Iterator[Entry]:
    """Every path the run meets, in order, as the walk goes (a site of a hundred thousand files is never
    listed whole): named paths as given (folders walked, in the order of their sorted paths, then the
    folder's own entry, which says its walk is over), `-` for standard input. A file named twice, or named
    and also found by walking, is read once. `settings_for(folder)` gives the settings (with `.files`, a
    FileRules) that govern that folder."""
    paths = list(paths)
    own_files = {Path(os.path.abspath(p)) for p in own}
    seen: set[str] | None = set() if len(paths) > 1 else None  # one path named: nothing is met twice
    for raw in paths:
        if raw == "-":
            yield Entry(None, "-", explicit=True)
            continue
        path = Path(os.path.abspath(raw))
        settings = settings_for(path.parent)
        rules: FileRules = settings.files
        why = rules.forced_exclusion(path) if rules.force_exclude else None
        if path.is_dir() and why is None:
            ignores, names = _ignores_above(path)
            found: Iterable[Entry] = chain(_walk(path, Path(raw), settings_for, own_files, ignores, names, raw),
                                           [Entry(path, raw, True, is_dir=True, settings=settings, top=raw)])
        elif path.is_dir():
            found = [Entry(path, raw, True, why, is_dir=True, settings=settings)]
        else:
            if why is None and path in own_files:
                why = OWN_FILE
            found = [Entry(path, raw, True, why, included=rules.includes(path.name), settings=settings)]
        for entry in found:
            if seen is not None:
                key = str(entry.path)
                if entry.skipped is None and key in seen:
                    continue
                seen.add(key)
            yield entry


OWN_FILE = "seoaudit's own file (a report or the baseline of this run)"


def _walk(directory: Path, shown: Path, settings_for: Callable[[Path], Any], own: set[Path], ignores: _Ignores,
          names: tuple[str, ...], top: str) -> Iterator[Entry]:
    settings = settings_for(directory)
    rules: FileRules = settings.files
    ignores = ignores.enter(directory, names)
    try:
        children = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Entry(directory, str(shown), False, f"cannot be listed: {exc.strerror}", True, settings=settings, top=top)
        return
    for child in children:
        path, source = directory / child.name, shown / child.name
        is_dir = child.is_dir(follow_symlinks=False)
        why = rules.exclusion(path)
        if why is None and rules.respect_gitignore:
            why = ignores.match(path, is_dir)
        if why is not None:
            yield Entry(path, str(source), False, why, is_dir, settings=settings, top=top)
        elif is_dir:
            yield from _walk(path, source, settings_for, own, ignores, names, top)
        elif path in own:
            yield Entry(path, str(source), False, OWN_FILE, settings=settings, top=top)
        elif rules.includes(child.name) and child.is_file():
            yield Entry(path, str(source), False, settings=settings, top=top)
