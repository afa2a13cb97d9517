"""JSON Schemas generated from the models: the committed files editors use."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from patchday.model import Bulletin, BulletinOverlay, ProductList, ProductsOverlay, ReleaseNotes, ReleaseNotesOverlay

SCHEMAS: dict[str, type[BaseModel]] = {
    "bulletin.schema.json": Bulletin,
    "overlay.schema.json": BulletinOverlay,
    "products.schema.json": ProductList,
    "products-overlay.schema.json": ProductsOverlay,
    "release-notes.schema.json": ReleaseNotes,
    "release-notes-overlay.schema.json": ReleaseNotesOverlay,
}

BASE_ID = "https://patchday.invalid/schema/"


def render(name: str) -> str:
    model = SCHEMAS[name]
    schema = model.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE_ID + name, **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written
