"""Embargo cannot leak: canaries in unpublished records never reach any output byte.

Canary strings are planted in every text field of a draft, a review and a final
bulletin released one minute after as-of (each with de/fr/ja overlays), and in
the internal blocks of published ones. The full site is built in all languages
and every output file -- HTML, search index (decompressed), feeds, CSAF, JSON,
calendar, sitemap -- is searched. Moving as-of past the embargo makes that
bulletin's canaries appear, which shows the search would find a leak.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from tests.release.sitebuild import build, cve_records, find, site_config

pytestmark = pytest.mark.slow

BASE = Path(__file__).resolve().parents[1] / "lint" / "base"
TEXT_KEYS = {"title", "summary", "reason", "description", "mitigating_factors", "text", "undo", "question", "answer",
             "name", "organization", "tracking", "reporter_contact", "notes"}
PUBLIC_FAMILY = "qzpublicfamilyname"  # a public family's German name: it must be published
AS_OF = "2026-02-10T17:59:00Z"  # one minute before the February patch day (10:00 PST = 18:00 UTC)


class Planter:
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.n = 0
        self.planted: list[str] = []

    def canary(self) -> str:
        self.n += 1
        token = f"qzcanary{self.tag}{self.n:04d}"
        self.planted.append(token)
        return token

    def plant(self, value, parent_key: str = "", in_workaround: bool = False):
        if isinstance(value, dict):
            is_workaround = {"key", "text", "undo"} <= set(value)
            return {k: self._field(k, v, is_workaround) for k, v in value.items()}
        if isinstance(value, list):
            return [self.plant(v, parent_key) for v in value]
        return value

    def _field(self, key: str, value, is_workaround: bool):
        if isinstance(value, str) and (key in TEXT_KEYS or (is_workaround and key == "impact")):
            return f"{value} {self.canary()}"
        if isinstance(value, dict) and key == "vulnerabilities":  # overlay: keyed by CVE
            return {cve: self.plant(v) for cve, v in value.items()}
        if isinstance(value, dict) and key == "revisions":
            return {num: f"{text} {self.canary()}" for num, text in value.items()}
        return self.plant(value, key)


def bulletin(source: dict, *, bid: str, status: str, released: str, cve: str, kb: str, planter: Planter) -> dict:
    b = copy.deepcopy(source)
    b.update(id=bid, status=status, released=released)
    b["vulnerabilities"][0]["cve"] = cve
    b["affected"][0]["update"]["id"] = kb
    # Would make "superseded by <unpublished ID>" appear on the published CX26-001 if facts leaked.
    b["affected"][0]["update"]["supersedes"] = ["CX26-001"]
    b["revisions"] = [{"version": "1.0", "date": released[:10], "summary": "Information published."}]
    b["internal"] = {"tracking": "PSIRT-9", "notes": "secret"}
    return planter.plant(b)


def overlay(source: dict, cve: str, planter: Planter) -> dict:
    o = copy.deepcopy(source)
    o["source_revision"] = "1.0"
    o["vulnerabilities"] = {cve: o["vulnerabilities"]["CVE-2026-21001"]}
    o["summary"] = "Résumé."
    o["revisions"] = {"1.0": "Publié."}
    return planter.plant(o)


def dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, Planter]]:
    tmp = tmp_path_factory.mktemp("leak")
    root = tmp / "bulletins"
    shutil.copytree(BASE, root)
    # Mail Server 2019 as a component of Gateway 1.10: an unpublished bulletin for it must not reach
    # Gateway's page, API file, feed or "Am I affected?" either.
    catalogue = yaml.load((root / "products.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for p in catalogue["products"]:
        if p["id"] == "mail-server":
            next(v for v in p["versions"] if v["id"] == "2019")["part_of"] = [{"product": "gateway", "versions": ["1.10"]}]
    # A product line not released yet, in a family of its own: neither the family's translated
    # name nor its platform's may reach any output. The public family's translation must.
    planters_catalogue = Planter("catalogue")
    catalogue["families"].append({"id": "qzfuture", "name": "Future line"})
    catalogue["products"].append({"id": "qz-future", "name": "Contoso Future", "family": "qzfuture",
                                  "versions": [{"id": "1", "name": "Contoso Future 1", "platforms": ["qzplatform"],
                                                "released": "2099-01-05"}]})
    dump(root / "products.yaml", catalogue)
    dump(root / "products.de.yaml", {"schema_version": 1,
                                     "families": {"servers": f"Server {PUBLIC_FAMILY}",
                                                  "qzfuture": planters_catalogue.canary()},
                                     "platforms": {"qzplatform": planters_catalogue.canary()}})
    source = yaml.load((BASE / "2026" / "CX26-001.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    fr = yaml.load((BASE / "2026" / "CX26-001.fr.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    planters = {k: Planter(k) for k in ("draft", "review", "embargo", "internal")}
    planters["catalogue"] = planters_catalogue
    specs = [("CX26-002", "draft", "2026-02-10T10:00:00-08:00", "CVE-2026-99002", "KB9990002", "draft"),
             ("CX26-003", "review", "2026-02-10T10:00:00-08:00", "CVE-2026-99003", "KB9990003", "review"),
             ("CX26-004", "final", "2026-02-10T10:00:00-08:00", "CVE-2026-99004", "KB9990004", "embargo")]
    for bid, status, released, cve, kb, tag in specs:
        data = bulletin(source, bid=bid, status=status, released=released, cve=cve, kb=kb, planter=planters[tag])
        dump(root / "2026" / f"{bid}.yaml", data)
        for lang in ("de", "fr", "ja"):
            dump(root / "2026" / f"{bid}.{lang}.yaml", overlay(fr, cve, planters[tag]))
    # internal blocks of the published bulletin
    published = yaml.load((root / "2026" / "CX26-001.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    published["internal"] = {"tracking": planters["internal"].canary(), "reporter_contact": planters["internal"].canary(),
                             "notes": planters["internal"].canary()}
    dump(root / "2026" / "CX26-001.yaml", published)
    return tmp, planters


def test_nothing_unpublished_leaks(corpus) -> None:
    tmp, planters = corpus
    site = tmp / "site-before"
    build(site_config(tmp, tmp / "bulletins", advance_notice_days=3), site, as_of=AS_OF)
    assert (site / "bulletins" / "CX26-001" / "index.html").exists()
    secrets = [c for p in planters.values() for c in p.planted] + [
        "CX26-002", "CX26-003", "CX26-004", "CVE-2026-99002", "CVE-2026-99003", "CVE-2026-99004",
        "KB9990002", "KB9990003", "KB9990004", "PSIRT-9", "PSIRT-1001"]
    assert len(secrets) > 100
    leaks = find(site, secrets)
    assert leaks == {}, f"leaked: {leaks}"
    # The catalogue's translations are read (so the scan above would see a leak there).
    assert "de/products/index.html" in find(site, [PUBLIC_FAMILY]).get(PUBLIC_FAMILY, [])
    # The CVE records a CNA uploads (`patchday cve-records`, not on the site) hold only the published CVE.
    records = cve_records(tmp / "mkdocs.yml", tmp / "records-before", as_of=AS_OF)
    assert find(records, secrets) == {}
    assert sorted(p.name for p in records.iterdir()) == ["CVE-2026-21001.json"]
    # The published CVE has its VEX document; the unpublished ones have none (nor a file name).
    assert (site / ".well-known/csaf/vex/white/2026/cx26-001-vex.json").exists()
    names = [p.name.lower() for p in site.rglob("*")]
    assert not [n for n in names if "99002" in n or "99003" in n or "99004" in n]
    # The advance notice is out (3 days before patch day): the aggregate of the FINAL bulletin only
    # (the draft and the review of the same day do not count), in every language, feed and calendar.
    page = (site / "notices/2026-02/index.html").read_text(encoding="utf-8")
    assert "plans to release 1 security bulletin for the products below" in page and "Contoso Mail Server" in page and ">Critical<" in page
    assert "releases/2026-02/" not in page
    for lang in ("de", "fr", "ja"):
        assert (site / lang / "notices/2026-02/index.html").exists()
    assert "notice/2026-02</id>" in (site / "feeds/en/bulletins.atom").read_text(encoding="utf-8")
    ics = (site / "calendar/en.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Contoso Mail Server: Critical" in ics


def test_canaries_appear_once_published(corpus) -> None:
    tmp, planters = corpus
    site = tmp / "site-after"
    later = (dt.datetime.fromisoformat(AS_OF.replace("Z", "+00:00")) + dt.timedelta(minutes=2)).isoformat()
    build(site_config(tmp, tmp / "bulletins", advance_notice_days=3), site, as_of=later)
    embargo = planters["embargo"].planted
    hits = find(site, embargo + ["CVE-2026-99004"])
    title_canary = embargo[0]
    files = hits.get(title_canary, [])
    assert any(f.endswith("CX26-004/index.html") for f in files), files
    assert any(f.startswith(("search-index", "de/search-index")) for f in {h for v in hits.values() for h in v}), "search index not scanned"
    assert any(".well-known/csaf" in f for f in hits.get("CVE-2026-99004", [])), "CSAF not scanned"
    # Through the component and supersedence too, once published (so the scan above would see a leak there).
    gateway = find(site, ["CX26-004"])["CX26-004"]
    assert "api/v1/products/gateway.json" in gateway and "products/gateway/index.html" in gateway
    assert "api/v1/bulletins/CX26-001.json" in gateway and "bulletins/CX26-001/index.html" in gateway
    records = cve_records(tmp / "mkdocs.yml", tmp / "records-after", as_of=later)
    assert "CVE-2026-99004.json" in find(records, ["CVE-2026-99004"])["CVE-2026-99004"], "CVE records not scanned"
    assert ".well-known/csaf/vex/white/2026/cx26-004-vex.json" in hits["CVE-2026-99004"], "VEX not scanned"
    # still secret: drafts, reviews and internal notes
    still = [c for k in ("draft", "review", "internal", "catalogue") for c in planters[k].planted]
    assert find(site, still) == {}
    # After the release the notice links it.
    page = (site / "notices/2026-02/index.html").read_text(encoding="utf-8")
    assert 'href="../../releases/2026-02/"' in page and "is out" in page


def test_no_advance_notice_before_its_time(corpus) -> None:
    """Before the notice's publication time (patch day minus 3 days) nothing of it exists."""
    tmp, planters = corpus
    site = tmp / "site-early"
    build(site_config(tmp, tmp / "bulletins", advance_notice_days=3), site, as_of="2026-02-07T17:59:00Z")
    assert not (site / "notices/2026-02").exists() and not (site / "de/notices/2026-02").exists()
    assert (site / "notices/2026-01/index.html").exists()  # January's, whose release is out
    hits = find(site, ["notices/2026-02", "notice/2026-02"])
    assert hits == {}, hits
    leaks = find(site, [c for p in planters.values() for c in p.planted] + ["CX26-004", "CVE-2026-99004", "KB9990004"])
    assert leaks == {}, leaks


def test_a_rebuild_into_the_same_folder_takes_back_what_is_no_longer_published(corpus) -> None:
    """An embargo moved later (or a bulletin back to draft) after a build: the next build into the
    same folder must not keep the old output. MkDocs' clean skips dot-entries such as .well-known."""
    tmp, planters = corpus
    site = tmp / "site-again"
    later = (dt.datetime.fromisoformat(AS_OF.replace("Z", "+00:00")) + dt.timedelta(minutes=2)).isoformat()
    build(site_config(tmp, tmp / "bulletins", advance_notice_days=3), site, as_of=later)
    assert any(".well-known/csaf" in f for f in find(site, ["CVE-2026-99004"]).get("CVE-2026-99004", []))
    build(site_config(tmp, tmp / "bulletins", advance_notice_days=3), site, as_of=AS_OF)
    leaks = find(site, planters["embargo"].planted + ["CVE-2026-99004", "KB9990004"])
    assert leaks == {}, f"kept from the previous build: {leaks}"
    assert not (site / ".patchday-staging").exists() and not (site / ".patchday-trash").exists()
