"""Read a built site back and count bulletins, CVEs and per-release totals per format.

Used by consistency tests: every format comes from one catalog, so the
numbers must agree. Per release, ``cves`` counts CVEs of bulletins that are
not withdrawn (the catalog's Release.cve_count rule).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ATOM = "{http://www.w3.org/2005/Atom}"
_RELEASE = re.compile(r"/releases/(\d{4}-\d{2})/$")


def _blank() -> dict[str, Any]:
    return {"bulletins": 0, "cves": 0, "releases": {}}


def _add(out: dict[str, Any], release: str, cves: list[str], withdrawn: bool, seen: set[str]) -> None:
    out["bulletins"] += 1
    seen.update(cves)
    rel = out["releases"].setdefault(release, {"bulletins": 0, "cves": 0})
    rel["bulletins"] += 1
    if not withdrawn:
        rel["cves"] += len(cves)


def _csaf(site: Path) -> dict[str, Any]:
    white = site / ".well-known/csaf/white"
    out, seen = _blank(), set()
    index = white / "index.txt"
    if not index.exists():
        return out
    translations = 0
    for line in index.read_text().splitlines():
        doc = json.loads((white / line).read_text(encoding="utf-8"))
        d = doc["document"]
        if "source_lang" in d:
            translations += 1
            continue
        release = next((m[1] for r in d.get("references", []) if (m := _RELEASE.search(r["url"]))), "?")
        withdrawn = any(n["category"] == "general" and n.get("title") == "Withdrawn" for n in d.get("notes", []))
        _add(out, release, [v["cve"] for v in doc.get("vulnerabilities", []) if "cve" in v], withdrawn, seen)
    out["cves"] = len(seen)
    out["translations"] = translations
    return out


def _json(site: Path) -> dict[str, Any]:
    api = site / "api/v1"
    index = json.loads((api / "index.json").read_text(encoding="utf-8"))
    cves = json.loads((api / "cves.json").read_text(encoding="utf-8"))
    releases = json.loads((api / "releases/index.json").read_text(encoding="utf-8"))
    return {
        "bulletins": len(index["bulletins"]),
        "cves": sum(len(json.loads((api / y["path"]).read_text(encoding="utf-8"))["cves"]) for y in cves["years"]),
        "releases": {r["month"]: {"bulletins": r["totals"]["bulletins"], "cves": r["totals"]["cves"]} for r in releases["releases"]},
    }


def feed_documents(path: Path) -> list[ET.Element]:
    """A feed's subscription document, then its archives newest first (RFC 5005 ``prev-archive``).

    Links are absolute; they are mapped to files through the document's own ``self`` link,
    as a client would resolve them against the site.
    """
    root = ET.parse(path).getroot()
    # An ancestor holding every document of the feed: the site for feeds/<lang>/<name>.atom,
    # feeds/ for feeds/<lang>/products/<id>.atom; links are mapped below it through the self link.
    site = path.parents[2]
    self_href = next(link.get("href", "") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
    prefix = self_href[: len(self_href) - len(path.relative_to(site).as_posix())]
    out, seen = [root], {path}
    while (prev := next((link.get("href", "") for link in out[-1].findall(f"{ATOM}link") if link.get("rel") == "prev-archive"), None)):
        target = site / prev.removeprefix(prefix)
        if target in seen or not prev.startswith(prefix):
            raise ValueError(f"{path}: prev-archive {prev} loops or leaves the site")
        seen.add(target)
        out.append(ET.parse(target).getroot())
    return out


def _feed(path: Path) -> dict[str, Any]:
    out, seen = _blank(), set()
    for root in feed_documents(path):
        for entry in root.findall(f"{ATOM}entry"):
            cats = [(c.get("scheme") or "", c.get("term") or "") for c in entry.findall(f"{ATOM}category")]
            if not any(s.endswith("/entry-type") and t == "new" for s, t in cats):
                continue  # revisions are updates of a bulletin already counted
            release = next((t for s, t in cats if s.endswith("/releases/")), "?")
            cves = [t for s, t in cats if s == "https://www.cve.org/"]
            withdrawn = any(s.endswith("/status") and t == "withdrawn" for s, t in cats)
            _add(out, release, cves, withdrawn, seen)
    out["cves"] = len(seen)
    return out


def counts(site_dir: Path | str) -> dict[str, Any]:
    """Per-format counts: {"csaf": {...}, "json": {...}, "feeds": {...}, "feeds:<lang>": {...}}."""
    site = Path(site_dir)
    out: dict[str, Any] = {"csaf": _csaf(site), "json": _json(site)}
    languages = json.loads((site / "api/v1/index.json").read_text(encoding="utf-8"))["languages"]
    for lang in languages:
        feed = site / "feeds" / lang / "bulletins.atom"
        if feed.exists():
            out[f"feeds:{lang}"] = _feed(feed)
    out["feeds"] = out.get(f"feeds:{languages[0]}", _blank())
    for fmt in out:
        out[fmt]["releases"] = dict(sorted(out[fmt]["releases"].items()))
    return out
