"""A page's chrome, region by region, for the shell-contract test and the chrome snapshots."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# What makes up a page's chrome, by CSS selector; "head" and "scripts" hold the styles,
# feeds, alternate links and the scripts. Each is compared on its own.
REGIONS = {
    "html": None,
    "head": "head",
    "header": "header.md-header",
    "tabs": ".md-tabs",
    "nav": ".md-sidebar--primary",
    "toc": ".md-sidebar--secondary",
    "article": "article.md-content__inner",
    "footer": "footer.md-footer",
    "scripts": "body > script",
    "rest": None,  # the body without the regions above: skip link, toggles, announcement, containers
}


def regions(html: str) -> dict[str, str]:
    """Each region prettified: entity spelling and whitespace between tags do not count."""
    soup = BeautifulSoup(html, "html.parser")
    out = {"html": f"<html lang={soup.html.get('lang')!r} dir={soup.html.get('dir')!r}>"}
    for name, selector in REGIONS.items():
        if selector is not None:
            found = soup.select(selector)
            out[name] = _lines(found)
            for tag in found:
                if tag.name != "head":
                    tag.decompose()
    out["rest"] = _lines([soup.body])
    return out


def _lines(tags) -> str:
    return "\n".join(" ".join(line.split()) for tag in tags for line in tag.prettify().splitlines())


_ASSET_HASH = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)")
_GENERATOR = re.compile(r'<meta content="[^"]*" name="generator"/>')


def chrome_snapshot(html: str) -> str:
    """Every region but the article, with Material's asset digests and the generator's versions
    left out (they change with each release of the engine, not with patchday)."""
    parts = regions(html)
    parts.pop("article")
    text = _GENERATOR.sub('<meta content="GENERATOR" name="generator"/>', "\n".join(f"== {name}\n{text}" for name, text in parts.items()))
    return _ASSET_HASH.sub(r".HASH.min.\1", text) + "\n"
