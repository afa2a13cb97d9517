"""A page's chrome, region by region, for the shell-contract test and the chrome snapshots."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "site"
AS_OF = "2026-03-01T00:00:00Z"  # as tests/site/conftest.py
# One page of each poured kind, in every language of the fixture site.
KINDS = {"bulletin": "bulletins/CX26-001/", "release": "releases/2026-01/", "product": "products/mail-server/",
         "cves_year": "cves/2026/"}
LANGS = ("en", "de", "fr", "ja")

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


_ICON_REF = re.compile(r'<svg viewBox="([^"]+)"><use href="(?:\.\./)*(assets/patchday/icons/[0-9a-f]+\.svg)#i"></use></svg>')
_SYMBOL = re.compile(r'<symbol id="i" viewBox="([^"]+)">(.*)</symbol>', re.S)


def inline_icons(poured: str, site: Path) -> str:
    """The poured page with each referenced chrome icon put back as Material inlines it, from its file:
    a file that lost or changed Material's shapes then shows as a difference."""
    def one(m: re.Match[str]) -> str:
        symbol = _SYMBOL.search((site / m.group(2)).read_text(encoding="utf-8"))
        assert symbol and symbol.group(1) == m.group(1), m.group(0)
        return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{symbol.group(1)}">{symbol.group(2)}</svg>'
    return _ICON_REF.sub(one, poured)


def differences(poured: str, material: str, site: Path | None = None) -> list[str]:
    """``site``: where the poured page's chrome icons are (chrome_icons.py), to compare them inline."""
    a, b = regions(poured if site is None else inline_icons(poured, site)), regions(material)
    out = []
    for name in REGIONS:
        if a[name] != b[name]:
            diff = difflib.unified_diff(b[name].splitlines(), a[name].splitlines(), "material", "poured", n=1, lineterm="")
            out.append(f"{name}:\n" + "\n".join(list(diff)[:30]))
    return out


def build_both_ways(python: Path, tmp: Path) -> tuple[Path, Path]:
    """Build the fixture site with ``python`` (its own MkDocs and Material), the pages of :data:`KINDS`
    also rendered by Material (tests/site/material_build.py); returns (site, Material's pages)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PATCHDAY_PREVIEW", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", PATCHDAY_AS_OF=AS_OF, PATCHDAY_MATERIAL_OUT=str(tmp / "material"))
    cmd = [str(python), str(HERE / "material_build.py"), "build", "--strict", "-f", str(FIXTURE / "mkdocs.yml"),
           "-d", str(tmp / "site")]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=tmp, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tmp / "site", tmp / "material"


def compare_both_ways(site: Path, material: Path) -> dict[str, list[str]]:
    """Per page of :data:`KINDS` in every language, the regions where the poured page left Material's."""
    out = {}
    for lang in LANGS:
        for path in KINDS.values():
            rel = ("" if lang == "en" else f"{lang}/") + path + "index.html"
            if problems := differences((site / rel).read_text(encoding="utf-8"), (material / rel).read_text(encoding="utf-8"), site):
                out[rel] = problems
    return out


def changed_partials(templates: Path, upstream: dict[str, str]) -> list[str]:
    """The Material partials under ``templates`` that differ from those theme/partials/ was written from."""
    return [name for name, digest in upstream.items()
            if hashlib.sha256((templates / name).read_bytes()).hexdigest()[:16] != digest]
