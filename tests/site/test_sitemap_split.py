"""A sitemap over the protocol's limits becomes an index of sitemaps at the same address."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from patchday.render.sitemap import split

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def _sitemap(n: int) -> str:
    return HEAD + "\n".join(f"    <url>\n        <loc>https://x.example/p{i}/</loc>\n    </url>" for i in range(n)) + "\n</urlset>\n"


def _locs(text: str) -> list[str]:
    return [u.find("s:loc", NS).text for u in ET.fromstring(text).findall("s:url", NS)]


def test_within_the_limits_it_stays_one_file():
    text = _sitemap(5)
    assert split(text, "https://x.example/", max_urls=5) == {"sitemap.xml": text}


def test_over_the_url_limit_it_becomes_an_index():
    files = split(_sitemap(7), "https://x.example/", max_urls=3)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    assert [s.find("s:loc", NS).text for s in index] == [f"https://x.example/sitemap-{i}.xml" for i in (1, 2, 3)]
    parts = [_locs(files[f"sitemap-{i}.xml"]) for i in (1, 2, 3)]
    assert [len(p) for p in parts] == [3, 3, 1]
    assert sum(parts, []) == [f"https://x.example/p{i}/" for i in range(7)]  # every page once, in order


def test_over_the_size_limit_too():
    text = _sitemap(10)
    files = split(text, "https://x.example/", max_bytes=len(text.encode()) // 3)
    assert len(files) > 2
    assert all(len(v.encode()) <= len(text.encode()) // 3 for k, v in files.items() if k != "sitemap.xml")
    order = [s.find("s:loc", NS).text.rsplit("/", 1)[1] for s in ET.fromstring(files["sitemap.xml"])]
    assert sorted(order) == sorted(k for k in files if k != "sitemap.xml")
    assert sum((_locs(files[name]) for name in order), []) == _locs(text)


def test_no_sitemap_file_is_over_a_hosts_per_file_limit():
    from patchday.footprint import HOSTS
    from patchday.render.sitemap import MAX_BYTES
    # 50,000 URLs with four languages' alternates: the size of the first file at ~12,400 bulletins.
    alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="https://security.contoso.example/{lang}/bulletins/CX26-001/"/>'
                         for lang in ("en", "de", "fr", "ja"))
    text = HEAD + "\n".join(f"<url><loc>https://security.contoso.example/bulletins/CX26-{i:05d}/</loc>"
                            f"<lastmod>2026-01-01</lastmod>{alternates}</url>" for i in range(50_000)) + "\n</urlset>\n"
    assert len(text.encode()) > min(h.max_file_bytes for h in HOSTS.values() if h.max_file_bytes)
    files = split(text, "https://security.contoso.example/")
    assert len(files) > 2
    assert max(len(v.encode()) for v in files.values()) <= min(h.max_file_bytes for h in HOSTS.values() if h.max_file_bytes)
    assert MAX_BYTES <= min(h.max_file_bytes for h in HOSTS.values() if h.max_file_bytes)
