"""`patchday footprint`: a built site against the hosts' published limits."""

from __future__ import annotations

import os

from patchday.cli import main
from patchday.footprint import GB, HOSTS, MiB, Footprint, measure, verdict


def _site(tmp_path, files: dict[str, int]):
    for rel, size in files.items():
        path = tmp_path / "site" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.truncate(size)  # sparse: sizes count, not disk blocks
    return tmp_path / "site"


def test_measure_counts_every_file_and_names_folders(tmp_path):
    site = _site(tmp_path, {"index.html": 10, "de/bulletins/X/index.html": 20, ".well-known/csaf/white/a.json": 30,
                            "api/v1/cves/CVE-1.json": 5, "api/v1/index.json": 7})
    os.symlink("/nonexistent", site / "dangling")  # counted as what a host uploads: the link itself
    fp = measure(site)
    assert fp.files == 6 and fp.bytes == 72 + os.lstat(site / "dangling").st_size
    assert fp.largest == (30, ".well-known/csaf/white/a.json")
    names = {n for n, _, _ in fp.top_folders(10)}
    assert {"de/bulletins/", ".well-known/csaf/", "api/v1/", "index.html"} <= names


def test_each_limit_is_named():
    fp = Footprint()
    for i in range(20_001):
        fp.add(f"a/{i}", 1)
    fp.add("api/v1/cves.json", 26 * MiB)
    fp.add("big/blob", GB)
    gh = verdict(fp, HOSTS["github-pages"])
    assert not gh.fits and "limit for a site" in gh.problems[0]
    cf = verdict(fp, HOSTS["cloudflare-free"])
    assert len(cf.problems) == 2 and "20,000-file" in cf.problems[0] and "big/blob" in cf.problems[1]
    assert verdict(fp, HOSTS["gitlab-pages"]).problems == gh.problems  # 20,003 files is under GitLab's 200,000


def test_small_site_fits_everywhere():
    fp = Footprint()
    fp.add("index.html", 1000)
    assert all(verdict(fp, h).fits for h in HOSTS.values())


def test_cli_fails_naming_the_limit_and_folders(tmp_path, capsys):
    site = _site(tmp_path, {"ok/index.html": 100, "api/v1/cves.json": 26 * MiB})
    assert main(["footprint", str(site)]) == 0  # report only
    assert main(["footprint", str(site), "--host", "github-pages"]) == 0
    assert main(["footprint", str(site), "--host", "github-pages", "--host", "cloudflare-paid"]) == 1
    out = capsys.readouterr().out
    assert "DOES NOT FIT" in out and "api/v1/cves.json" in out and "25 MiB" in out and "heaviest folders: api/v1/" in out


def test_cli_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["footprint", str(tmp_path / "nope")]) == 2
    assert "build the site first" in capsys.readouterr().out
