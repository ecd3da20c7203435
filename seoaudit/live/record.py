"""A recorded HTTP exchange (`{"seoaudit_http": {…}, "body": "<html>…"}` or `…, "json": {…}}`) → a Document
carrying its `Wire`, so the wire rules can be run and tested offline. Stdlib only."""

from __future__ import annotations

from typing import Any

from ..model import Document, InputProblem, Location
from .wire import Wire


def recorded_document(value: dict[str, Any], source: str, pointer: str) -> Document:
    record = value.get("seoaudit_http")
    if not isinstance(record, dict):
        return Document(source=source, kind="invalid", pointer=pointer, problem=InputProblem(
            "not-a-post", "`seoaudit_http` must be an object (status, headers, redirects…)",
            Location(pointer=pointer + "/seoaudit_http")))
    wire = Wire.from_json(record)
    payload = value.get("json")
    if isinstance(payload, dict):
        from ..load import documents_from_json

        document = next(documents_from_json(payload, source))
        document.pointer = pointer + "/json" + (document.pointer or "")
        if document.problem is None:
            document.wire = wire
        return document
    body = value.get("body")
    html = body.encode("utf-8") if isinstance(body, str) else b""
    return Document(source=source, kind="html", html=html, pointer="", wire=wire)
