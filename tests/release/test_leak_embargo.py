"""Embargo, second front: what hangs off a bulletin never publishes it early.

Canary strings are planted where an unreleased bulletin's facts hide outside the
bulletin itself: the release notes of a month whose out-of-band bulletin is
already public (and their translation), products, families and versions that
only an embargoed bulletin names or whose release date is still to come, and
every text field of drafts, reviews and future finals with their translations.
The whole site is built and every output byte searched (gzip
files decompressed). A later build shows each canary once its time has come,
so each search can fail.

A second corpus holds what the build must refuse rather than filter: a published
bulletin with a revision dated after as-of, whose text names a bulletin that is
still embargoed. Refused, the build writes nothing; on the revision's day, after
the named bulletin's release, both appear.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
import yaml

from patchday.lint import lint
from patchday.load.corpus import load_corpus
from patchday.model import Settings
from tests.release.sitebuild import build, find, site_config
from tests.release.test_leak import BASE, Planter, bulletin, dump, overlay

pytestmark = pytest.mark.slow

EARLY = "2026-02-05T12:00:00Z"  # after the out-of-band CX26-002 (Feb 3), before February's patch day (Feb 10, 18:00 UTC)
LATER = "2026-03-02T12:00:00Z"  # after February's patch day and the future versions' release date (March 1)
NOTES = ["qzcanarynotesen", "qzcanarynotesentitle", "qzcanarynotesde", "qzcanaryknownissue"]
PRODUCT = ["qzcanaryprod", "Qzcanaryprodname", "qzcanaryfam", "Qzcanaryfamname", "Qzcanaryvername", "KB9990103"]
FUTURE_VERSION = ["Qzcanaryfuturever"]
MARCH_NOTES = ["qzcanarymarchtitle", "qzcanarymarchnotes", "qzcanarymarchnotesfr"]


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def _no_errors(root: Path) -> None:
    errors = [d.one_line() for d in lint(load_corpus(root, cwd=root), Settings()) if d.severity == "error"]
    assert errors == [], errors


@pytest.fixture(scope="module")
def early_oob(tmp_path_factory) -> tuple[Path, dict[str, Planter]]:
    tmp = tmp_path_factory.mktemp("leak-notes")
    root = tmp / "bulletins"
    shutil.copytree(BASE, root)
    source = _load(BASE / "2026" / "CX26-001.yaml")
    fr = _load(BASE / "2026" / "CX26-001.fr.yaml")

    # the catalogue: a family, product and version only the embargoed CX26-003 names, and two
    # versions released on March 1: one a published bulletin states, one nobody states
    products = _load(root / "products.yaml")
    products["families"].append({"id": "qzcanaryfam", "name": "Qzcanaryfamname"})
    products["products"].append({"id": "qzcanaryprod", "name": "Qzcanaryprodname", "family": "qzcanaryfam",
                                 "versions": [{"id": "9.0", "name": "Qzcanaryvername"}]})
    mail = next(p for p in products["products"] if p["id"] == "mail-server")
    mail["versions"] += [{"id": "2030", "name": "Contoso Mail Server 2030", "released": "2026-03-01"},
                         {"id": "2031", "name": "Qzcanaryfuturever", "released": "2026-03-01"}]
    dump(root / "products.yaml", products)

    # CX26-002: out of band, public on February 3; it states the coming version 2030
    oob = copy.deepcopy(source)
    oob.update(id="CX26-002", released="2026-02-03T10:00:00-08:00", out_of_band={"reason": "Exploited in the wild."})
    oob["vulnerabilities"][0]["cve"] = "CVE-2026-99102"
    oob["affected"][0]["update"]["id"] = "KB9990102"
    oob["not_affected"].append({"product": "mail-server", "versions": ["2030"]})
    oob["revisions"] = [{"version": "1.0", "date": "2026-02-03", "summary": "Information published."}]
    dump(root / "2026" / "CX26-002.yaml", oob)

    # CX26-003: February's patch day; the only bulletin that names the canary product
    planters = {k: Planter(k) for k in ("feb", "draft", "review", "march")}
    feb = bulletin(source, bid="CX26-003", status="final", released="2026-02-10T10:00:00-08:00",
                   cve="CVE-2026-99103", kb="KB9990003", planter=planters["feb"])
    feb["affected"].append({"product": "qzcanaryprod", "versions": ["9.0"], "severity": "critical", "impact": "rce",
                            "update": {"id": "KB9990103", "url": "https://support.contoso.example/kb/9990103",
                                       "fixed": "9.0.1", "restart": "required"}})
    feb["vulnerabilities"][0]["severity"]["qzcanaryprod"] = "critical"
    planters["feb"].internal = [w for v in feb["internal"].values() for w in v.split() if w.startswith("qzcanary")]
    dump(root / "2026" / "CX26-003.yaml", feb)
    dump(root / "2026" / "CX26-003.fr.yaml", overlay(fr, "CVE-2026-99103", planters["feb"]))

    # drafts, reviews and a final of March, every text field and translation planted
    for bid, status, tag in (("CX26-005", "draft", "draft"), ("CX26-006", "review", "review"), ("CX26-007", "final", "march")):
        n = bid[-3:]
        data = bulletin(source, bid=bid, status=status, released="2026-03-10T10:00:00-07:00",
                        cve=f"CVE-2026-99{n}", kb=f"KB9990{n}", planter=planters[tag])
        data["not_affected"].append({"product": "mail-server", "versions": ["2030", "2031"]})  # out by then
        dump(root / "2026" / f"{bid}.yaml", data)
        for lang in ("de", "fr", "ja"):
            dump(root / "2026" / f"{bid}.{lang}.yaml", overlay(fr, f"CVE-2026-99{n}", planters[tag]))

    # February's release notes, which name the patch-day bulletin
    dump(root / "releases" / "2026-02.yaml", {
        "schema_version": 1, "release": "2026-02",
        "highlights": [{"key": "mail", "title": "Mail Server qzcanarynotesentitle",
                        "text": "CX26-003 fixes Contoso Mail Server. qzcanarynotesen"}],
        "known_issues": [{"key": "restart", "title": "Restart", "text": "A restart is needed. qzcanaryknownissue"}]})
    dump(root / "releases" / "2026-02.de.yaml", {
        "schema_version": 1, "highlights": {"mail": {"title": "Mail Server", "text": "CX26-003 behebt es. qzcanarynotesde"}}})
    # March's notes: no bulletin of March is public in either build
    dump(root / "releases" / "2026-03.yaml", {
        "schema_version": 1, "release": "2026-03",
        "highlights": [{"key": "soon", "title": "Soon qzcanarymarchtitle", "text": "CX26-007 qzcanarymarchnotes"}]})
    dump(root / "releases" / "2026-03.fr.yaml", {
        "schema_version": 1, "highlights": {"soon": {"title": "Bientôt", "text": "CX26-007 qzcanarymarchnotesfr"}}})
    _no_errors(root)
    return tmp, planters


@pytest.fixture(scope="module")
def early_site(early_oob) -> Path:
    tmp, _ = early_oob
    site = tmp / "site-early"
    build(site_config(tmp, tmp / "bulletins"), site, as_of=EARLY)
    return site


@pytest.fixture(scope="module")
def later_site(early_oob) -> Path:
    tmp, _ = early_oob
    site = tmp / "site-later"
    build(site_config(tmp, tmp / "bulletins"), site, as_of=LATER)
    return site


def test_release_notes_wait_for_patch_day(early_site: Path, later_site: Path) -> None:
    assert (early_site / "bulletins" / "CX26-002" / "index.html").exists()  # the month is public already
    assert find(early_site, NOTES + ["CX26-003"]) == {}
    hits = find(later_site, NOTES)
    assert set(hits) == set(NOTES), hits
    assert any(f.startswith("de/releases/2026-02/") for f in hits["qzcanarynotesde"])


def test_catalogue_entries_wait_for_a_bulletin_or_their_release_date(early_site: Path, later_site: Path) -> None:
    assert find(early_site, PRODUCT + FUTURE_VERSION) == {}
    assert not (early_site / "products" / "qzcanaryprod").exists()
    hits = find(later_site, PRODUCT + FUTURE_VERSION)
    assert set(hits) == set(PRODUCT + FUTURE_VERSION), hits
    for canary, where in (("Qzcanaryprodname", "products/qzcanaryprod/index.html"),
                          ("Qzcanaryprodname", "feeds/en/products/qzcanaryprod.atom"),
                          ("Qzcanaryprodname", "api/v1/products/index.json"),
                          ("Qzcanaryfamname", "products/index.html"),
                          ("qzcanaryprod", "sitemap.xml"),
                          ("Qzcanaryfuturever", "api/v1/products/mail-server.json")):
        assert where in hits[canary], (canary, hits[canary])
    assert ".well-known/csaf/white/category-white.json" in hits["Qzcanaryprodname"], "the ROLIE category document"


def test_a_version_not_yet_released_is_not_supported(early_site: Path, later_site: Path) -> None:
    """Version 2030 is public early (a published bulletin states it), but not out until March 1."""
    def status(site: Path) -> tuple[bool, str]:
        api = json.loads((site / "api" / "v1" / "products" / "mail-server.json").read_text(encoding="utf-8"))
        v = next(v for v in api["versions"] if v["id"] == "2030")
        page = (site / "products" / "mail-server" / "index.html").read_text(encoding="utf-8")
        row = page[page.index("Contoso Mail Server 2030"):]
        return v["supported"], row[:row.index("</tr>")]

    supported, row = status(early_site)
    assert not supported and "Supported" not in row and "Released on" in row, row
    supported, row = status(later_site)
    assert supported and "Supported" in row, row


def test_unpublished_bulletins_stay_secret_and_their_time_comes(early_oob, early_site: Path, later_site: Path) -> None:
    _, planters = early_oob
    secret = [c for p in planters.values() for c in p.planted]
    assert len(secret) > 100
    ids = ["CX26-003", "CX26-005", "CX26-006", "CX26-007", "CVE-2026-99103", "CVE-2026-99005", "CVE-2026-99006",
           "CVE-2026-99007", "KB9990003", "KB9990005", "KB9990006", "KB9990007"]
    assert find(early_site, secret + ids) == {}
    hits = find(later_site, planters["feb"].planted + ["CX26-003"])
    internal = planters["feb"].internal  # never published at all
    assert len(internal) == 2 and set(hits) == set(planters["feb"].planted + ["CX26-003"]) - set(internal), hits
    still = [c for k in ("draft", "review", "march") for c in planters[k].planted] + MARCH_NOTES
    assert find(early_site, MARCH_NOTES) == {}
    assert find(later_site, still + ids[1:4]) == {}


def test_new_pages_and_the_bulletin_header_wait_for_patch_day(early_site: Path, later_site: Path) -> None:
    """The home page's lead, the severity and report pages, the 404 pages and the bulletin
    header's download links name February's patch-day bulletin only once it is out."""
    pages = ["index.html", "ja/index.html", "severity-ratings/index.html", "fr/report/index.html",
             "404.html", "de/404.html", "bulletins/CX26-002/index.html"]
    for page in pages:
        assert (early_site / page).exists(), page
    early = {page: (early_site / page).read_text(encoding="utf-8") for page in pages}
    assert all("CX26-003" not in text and "cx26-003" not in text for text in early.values())
    assert 'href="../../api/v1/bulletins/CX26-002.json"' in early["bulletins/CX26-002/index.html"]
    assert "February 2026" in early["index.html"]  # the month is public: its out-of-band bulletin leads
    later = (later_site / "index.html").read_text(encoding="utf-8")
    assert "CX26-003" in later[:later.index('id="next-patch-day"')]


# ---- what the build refuses ---------------------------------------------------------------

REVISED = "2026-02-10T18:01:00Z"  # the revision's day, a minute after CX26-003's release


@pytest.fixture(scope="module")
def revised(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("leak-revision")
    root = tmp / "bulletins"
    shutil.copytree(BASE, root)
    source = _load(BASE / "2026" / "CX26-001.yaml")
    oob = copy.deepcopy(source)
    oob.update(id="CX26-002", released="2026-02-03T10:00:00-08:00", out_of_band={"reason": "Exploited in the wild."})
    oob["vulnerabilities"][0]["cve"] = "CVE-2026-99102"
    oob["affected"][0]["update"]["id"] = "KB9990102"
    oob["vulnerabilities"][0]["faq"].append({"key": "later", "question": "Is there more?",
                                             "answer": "CX26-003 fixes the rest. qzcanaryrevanswer"})
    oob["revisions"] = [{"version": "1.0", "date": "2026-02-03", "summary": "Information published."},
                        {"version": "1.1", "date": "2026-02-10", "summary": "Named CX26-003. qzcanaryrevsummary"}]
    dump(root / "2026" / "CX26-002.yaml", oob)
    feb = copy.deepcopy(source)
    feb.update(id="CX26-003", released="2026-02-10T10:00:00-08:00")
    feb["vulnerabilities"][0]["cve"] = "CVE-2026-99103"
    feb["affected"][0]["update"]["id"] = "KB9990103"
    feb["revisions"] = [{"version": "1.0", "date": "2026-02-10", "summary": "Information published."}]
    dump(root / "2026" / "CX26-003.yaml", feb)
    _no_errors(root)
    return tmp


def test_a_future_revision_and_an_early_reference_stop_the_build(revised: Path) -> None:
    site = revised / "site-refused"
    r = build(site_config(revised, revised / "bulletins"), site, as_of=EARLY, ok=False)
    out = r.stdout + r.stderr
    assert "Traceback" not in out
    assert "2026/CX26-002.yaml:" in out and "PD609" in out and "PD608" in out and "--as-of" in out, out
    assert find(site, ["qzcanaryrevanswer", "qzcanaryrevsummary", "CX26-003", "CVE-2026-99103"]) == {}
    # the revision's day, but before CX26-003's time: the reference alone is still early
    r = build(site_config(revised, revised / "bulletins"), site, as_of="2026-02-10T17:00:00Z", ok=False)
    assert "PD608" in r.stdout + r.stderr and "PD609" not in r.stdout + r.stderr
    assert find(site, ["qzcanaryrevanswer", "qzcanaryrevsummary", "CX26-003"]) == {}


def test_a_revision_and_its_reference_appear_on_their_day(revised: Path) -> None:
    site = revised / "site-revised"
    build(site_config(revised, revised / "bulletins"), site, as_of=REVISED)
    hits = find(site, ["qzcanaryrevanswer", "qzcanaryrevsummary"])
    assert "bulletins/CX26-002/index.html" in hits.get("qzcanaryrevanswer", []), hits
    assert "bulletins/CX26-002/index.html" in hits.get("qzcanaryrevsummary", []), hits
