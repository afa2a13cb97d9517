"""Walk the CSAF provider tree the way an aggregator does, verifying hashes and signatures."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from tests.export.conftest import GPG

BASE = "https://security.contoso.example"


def local(site: Path, url: str) -> Path:
    """Map a published https URL to the file in the built folder (no redirects: R6)."""
    parts = urlsplit(url)
    assert parts.scheme == "https" and f"{parts.scheme}://{parts.netloc}" == BASE, url
    return site / parts.path.lstrip("/")


def test_aggregator_walk(signed_site, tmp_path):
    # 1. security.txt names the provider metadata (R8).
    text = (signed_site / ".well-known/security.txt").read_text()
    csaf_lines = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("CSAF: ")]
    assert csaf_lines == [f"{BASE}/.well-known/csaf/provider-metadata.json"]
    assert re.search(r"^Expires: 2027-12-01T00:00:00Z$", text, re.M)
    # 2. provider-metadata.json (R7/R9): trusted provider with a key.
    meta = json.loads(local(signed_site, csaf_lines[0]).read_text())
    assert meta["canonical_url"] == csaf_lines[0]
    assert meta["role"] == "csaf_trusted_provider" and meta["metadata_version"] == "2.0"
    assert meta["publisher"] == {"category": "vendor", "name": "Contoso", "namespace": "https://contoso.example"}
    (key,) = meta["public_openpgp_keys"]
    assert re.fullmatch(r"[0-9A-F]{40}", key["fingerprint"])
    keyring = tmp_path / "verify-home"
    keyring.mkdir(mode=0o700)
    env = {**os.environ, "GNUPGHOME": str(keyring)}
    subprocess.run([GPG, "--batch", "--import", str(local(signed_site, key["url"]))], env=env, check=True, capture_output=True)
    # 3. Each distribution (advisories, VEX): ROLIE feed (R15) -> every entry's document, hashes and
    #    signature (R18/R19), then index.txt (R12) and changes.csv (R13) of its directory.
    assert [d["directory_url"] for d in meta["distributions"]] == [
        f"{BASE}/.well-known/csaf/white/", f"{BASE}/.well-known/csaf/vex/white/"]
    counts = {}
    try:
        for dist in meta["distributions"]:
            seen = []
            for feed_ref in dist["rolie"]["feeds"]:  # one per year (2026 only here)
                assert feed_ref["tlp_label"] == "WHITE"
                feed = json.loads(local(signed_site, feed_ref["url"]).read_text())["feed"]
                assert feed["category"][0] == {"scheme": "urn:ietf:params:rolie:category:information-type", "term": "csaf"}
                assert feed["link"][0] == {"rel": "self", "href": feed_ref["url"]}
                seen += _walk_feed(signed_site, feed, dist["directory_url"], key["fingerprint"], env)
            directory = local(signed_site, dist["directory_url"])
            assert sorted(seen) == (directory / "index.txt").read_text().split()
            rows = [line.split(",") for line in (directory / "changes.csv").read_text().splitlines()]
            assert sorted(r[0].strip('"') for r in rows) == sorted(seen)
            dates = [r[1].strip('"') for r in rows]
            assert dates == sorted(dates, reverse=True)
            counts[dist["directory_url"].split("/.well-known/csaf/")[1]] = len(seen)
    finally:
        subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, check=False, capture_output=True)
    # 4 originals + 3 translations of CX26-001; a VEX document for each bulletin that is not withdrawn (CX26-004 is).
    assert counts == {"white/": 7, "vex/white/": 3}
    feed = json.loads((signed_site / ".well-known/csaf/white/csaf-feed-tlp-white-2026.json").read_text())["feed"]
    # A tampered document no longer verifies (the check above is meaningful).
    first = local(signed_site, feed["entry"][0]["link"][0]["href"])
    forged = tmp_path / "forged.json"
    forged.write_bytes(first.read_bytes().replace(b"Contoso", b"Contos0", 1))
    done = subprocess.run([GPG, "--batch", "--verify", str(first) + ".asc", str(forged)], env=env, capture_output=True)
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, check=False, capture_output=True)
    assert done.returncode != 0


def _walk_feed(site: Path, feed: dict, directory: str, fingerprint: str, env: dict) -> list[str]:
    seen = []
    for entry in feed["entry"]:
        links = {}
        for link in entry["link"]:
            links.setdefault(link["rel"], []).append(link["href"])
        (doc_url,) = links["self"]
        assert entry["content"] == {"type": "application/json", "src": doc_url}
        assert entry["format"]["version"] == "2.0"
        data = local(site, doc_url).read_bytes()
        doc = json.loads(data)
        assert doc["document"]["tracking"]["id"] == entry["id"]
        # File name rule §5.1 and year folder = year of initial_release_date (R11).
        name = re.sub(r"[^+\-a-z0-9]+", "_", entry["id"].lower()) + ".json"
        year = doc["document"]["tracking"]["initial_release_date"][:4]
        assert doc_url == f"{directory}{year}/{name}"
        (href,) = links["hash"]  # one hash file per document (R18 asks for at least one)
        assert href == f"{doc_url}.sha512"
        digest, fname = local(site, href).read_text().split()
        assert fname == name and digest == hashlib.sha512(data).hexdigest()
        # The BSI checker requires a signature link on every entry of a trusted provider's feed.
        (sig,) = links["signature"]
        assert sig == doc_url + ".asc"
        done = subprocess.run([GPG, "--batch", "--status-fd", "1", "--verify", str(local(site, sig)),
                               str(local(site, doc_url))], env=env, capture_output=True, text=True)
        assert done.returncode == 0 and f"VALIDSIG {fingerprint}" in done.stdout, done.stderr
        seen.append(doc_url.removeprefix(directory))
    return seen


def test_service_and_category_documents(signed_site):
    meta = json.loads((signed_site / ".well-known/csaf/provider-metadata.json").read_text())
    rolie = meta["distributions"][0]["rolie"]
    service = json.loads(local(signed_site, rolie["services"][0]).read_text())["service"]
    collections = service["workspace"][0]["collection"]
    assert [c["href"] for c in collections] == [d["rolie"]["feeds"][0]["url"] for d in meta["distributions"]]
    cats = json.loads(local(signed_site, rolie["categories"][0]).read_text())["categories"]["category"]
    assert {"scheme": "urn:ietf:params:rolie:category:information-type", "term": "csaf"} in cats


def test_every_folder_has_a_listing(signed_site):
    root = signed_site / ".well-known/csaf"
    folders = [root, *[p for p in root.rglob("*") if p.is_dir()]]
    for folder in folders:
        html = (folder / "index.html").read_text()
        assert "<script" not in html  # server-style listing, no JavaScript (csaf#876)
        for child in folder.iterdir():
            if child.name != "index.html":
                shown = child.name + ("/" if child.is_dir() else "")
                assert f'href="{shown}"' in html, (folder, child.name)


def test_unsigned_build_is_a_plain_provider(plain_site):
    meta = json.loads((plain_site / ".well-known/csaf/provider-metadata.json").read_text())
    assert meta["role"] == "csaf_provider" and "public_openpgp_keys" not in meta
    assert not list(plain_site.rglob("*.asc"))
    feed = json.loads((plain_site / ".well-known/csaf/white/csaf-feed-tlp-white-2026.json").read_text())["feed"]
    assert all(link["rel"] != "signature" for e in feed["entry"] for link in e["link"])
    assert list(plain_site.rglob("*.sha512")) and not list(plain_site.rglob("*.sha256"))


def test_translation_documents_follow_the_translator_rules(signed_site):
    white = signed_site / ".well-known/csaf/white/2026"
    original = json.loads((white / "cx26-001.json").read_text())
    for lang in ("de", "fr", "ja"):
        doc = json.loads((white / f"cx26-001-{lang}.json").read_text())
        d = doc["document"]
        assert d["lang"] == lang and d["source_lang"] == "en"
        assert d["publisher"]["category"] == "translator"
        assert d["tracking"]["id"] == f"CX26-001-{lang}"
        assert d["references"][0]["url"].endswith("/.well-known/csaf/white/2026/cx26-001.json")
        assert d["title"] != original["document"]["title"]
        assert d["tracking"]["version"] == original["document"]["tracking"]["version"] == "1.1.0"
    # Partially translated or untranslated bulletins get no translation documents.
    assert not list(white.glob("cx26-002-*.json"))


def test_csaf_translations_can_be_turned_off(tmp_path, plain_site):
    from patchday import Settings, build_catalog, load_corpus
    from patchday.export import write_exports
    from tests.export.conftest import AS_OF, FIXTURE

    assert Settings().csaf_translations is False  # off unless a publisher asks for them
    settings = Settings(csaf_translations=False)
    out = tmp_path / "site"
    write_exports(build_catalog(load_corpus(FIXTURE), settings, AS_OF), out, settings=settings, as_of=AS_OF)
    white = ".well-known/csaf/white"
    translation = re.compile(r"-(de|fr|ja)\.json$")
    before = sorted(p.relative_to(plain_site).as_posix() for p in (plain_site / white).rglob("*.json"))
    after = sorted(p.relative_to(out).as_posix() for p in (out / white).rglob("*.json"))
    assert any(translation.search(p) for p in before)  # the default build has translation documents to leave out
    assert after == [p for p in before if not translation.search(p)]
    listed = (out / white / "index.txt").read_text().split()
    feed = json.loads((out / white / "csaf-feed-tlp-white-2026.json").read_text())["feed"]["entry"]
    assert listed and len(listed) == len(feed) and not [x for x in listed if translation.search(x)]


def _verify(path: Path, key_file: Path, tmp_path: Path, *detached: Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "gpg-verify"
    home.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "GNUPGHOME": str(home)}
    try:
        subprocess.run([GPG, "--batch", "--import", str(key_file)], env=env, check=True, capture_output=True)
        return subprocess.run([GPG, "--batch", "--status-fd", "1", "--verify", str(path), *map(str, detached)],
                              env=env, capture_output=True, text=True)
    finally:
        subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, check=False, capture_output=True)


def test_signed_security_txt_verifies_and_names_contact_encryption_and_expiry(signed_site, tmp_path):
    path = signed_site / ".well-known/security.txt"
    text = path.read_text()
    assert text.startswith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n")
    meta = json.loads((signed_site / ".well-known/csaf/provider-metadata.json").read_text())
    (key,) = meta["public_openpgp_keys"]
    done = _verify(path, local(signed_site, key["url"]), tmp_path)
    assert done.returncode == 0 and f"VALIDSIG {key['fingerprint']}" in done.stdout, done.stderr
    body = text.split("\n\n", 1)[1].split("-----BEGIN PGP SIGNATURE-----")[0]
    fields = dict(line.split(": ", 1) for line in body.splitlines() if line)
    assert fields["Contact"] == f"{BASE}/"  # no psirt_contact set: the site
    assert fields["Encryption"] == key["url"]  # no encryption_url set: the published signing key
    assert fields["Canonical"] == f"{BASE}/.well-known/security.txt"
    assert fields["Preferred-Languages"] == "en, de, fr, ja"
    assert fields["Expires"] == "2027-12-01T00:00:00Z"  # as-of + 365 days: at most a year (RFC 9116 §2.5.5)
    # A changed field no longer verifies.
    forged = tmp_path / "security.txt"
    forged.write_text(text.replace(f"Contact: {BASE}/", "Contact: mailto:attacker@example.org"))
    assert _verify(forged, local(signed_site, key["url"]), tmp_path).returncode != 0


def test_security_txt_fields_come_from_the_settings(plain_site):
    import datetime as dt

    from patchday import Settings
    from patchday.export.csaf.provider import security_txt

    settings = Settings(psirt_contact="mailto:secure@contoso.example", policy_url="https://contoso.example/disclosure",
                        encryption_url="https://contoso.example/psirt.asc")
    lines = security_txt(settings, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), fingerprint="AB" * 20).decode().splitlines()
    assert lines[:3] == ["Contact: mailto:secure@contoso.example", "Encryption: https://contoso.example/psirt.asc",
                         "Policy: https://contoso.example/disclosure"]
    # Unsigned, without a key or an encryption URL: no Encryption line, no signature.
    plain = (plain_site / ".well-known/security.txt").read_text()
    assert not plain.startswith("-----BEGIN") and "Encryption:" not in plain and "Policy:" not in plain


def test_robots_txt_names_the_sitemap(plain_site):
    lines = (plain_site / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines and "User-agent: *" in lines


def test_provider_settings_are_checked():
    import pytest
    from pydantic import ValidationError

    from patchday import Settings

    for bad in ({"psirt_contact": "secure@contoso.example"}, {"policy_url": "http://contoso.example/p"},
                {"encryption_url": "ftp://x"}, {"cna_org_id": "B3476CB9"}, {"advance_notice_days": 0}):
        with pytest.raises(ValidationError):
            Settings(**bad)
    assert Settings(psirt_contact="https://contoso.example/report").psirt_contact == "https://contoso.example/report"


def test_one_rolie_feed_per_year_listed_in_the_metadata_and_the_service():
    """Feeds stay small at any corpus size: each year's documents in a feed of their own, every feed listed."""
    import datetime as dt
    from collections import Counter
    from patchday import Settings, build_catalog, load_corpus
    from patchday.export import writer

    example = Path(__file__).resolve().parents[2] / "bulletins"
    files = writer.build(build_catalog(load_corpus(example), Settings(), dt.datetime(2026, 12, 5, tzinfo=dt.UTC)),
                         as_of=dt.datetime(2026, 12, 5, tzinfo=dt.UTC))
    meta = json.loads(files[".well-known/csaf/provider-metadata.json"])
    service = json.loads(files[".well-known/csaf/service.json"])
    listed = {c["href"] for w in service["service"]["workspace"] for c in w["collection"]}
    for dist in meta["distributions"]:
        base = dist["directory_url"].removeprefix(BASE + "/")
        urls = [f["url"] for f in dist["rolie"]["feeds"]]
        assert len(urls) > 1 and set(urls) <= listed
        entries = Counter()
        for url in urls:
            year = re.search(r"-(\d{4})\.json$", url)[1]
            feed = json.loads(files[url.removeprefix(BASE + "/")])["feed"]
            assert feed["link"][0]["href"] == url and feed["id"].endswith(year)
            for e in feed["entry"]:
                assert f"/{year}/" in e["content"]["src"]  # a document is in the feed of its folder's year
                entries[e["content"]["src"].removeprefix(dist["directory_url"])] += 1
        index = files[base + "index.txt"].decode().split()
        assert sorted(entries) == sorted(index) and set(entries.values()) == {1}
