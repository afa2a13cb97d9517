"""What every view needs: the catalog, the reader's language and where the page sits."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from patchday.catalog import Catalog
from patchday.i18n import Formatter, Labels
from patchday.render import urls

LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "ja": "日本語"}


@dataclass(frozen=True)
class PageCtx:
    catalog: Catalog
    lang: str
    path: str  # language-root path of this page, e.g. "bulletins/CX26-001/"

    @property
    def source_lang(self) -> str:
        return self.catalog.settings.source_language

    @cached_property
    def t(self) -> Labels:
        return Labels(self.lang)

    @cached_property
    def fmt(self) -> Formatter:
        return Formatter(self.lang)

    @cached_property
    def site_path(self) -> str:
        return urls.site_path(self.lang, self.source_lang, self.path)

    def url(self, path: str, lang: str | None = None) -> str:
        """Relative link to a language-root path, in this language unless ``lang`` is given."""
        return urls.relative(self.site_path, urls.site_path(lang or self.lang, self.source_lang, path))

    def asset(self, site_path: str) -> str:
        """Relative link to a site-root path (feeds, API, assets)."""
        return urls.relative(self.site_path, site_path)

    def alternates(self) -> list[tuple[str, str, str]]:
        """(lang, name, url) of this page in every other site language."""
        return [(lang, LANGUAGE_NAMES.get(lang, lang), self.url(self.path, lang))
                for lang in self.catalog.settings.languages if lang != self.lang]

    def feeds(self, product: str | None = None) -> list[tuple[str, str]]:
        """(title, relative href) of the Atom feeds this page advertises."""
        out = [(self.t(key), self.asset(path)) for key, path in urls.site_feeds(self.lang)]
        if product is not None:
            name = self.catalog.products[product].name
            out.append((self.t("feed_product", product=name), self.asset(urls.product_feed(self.lang, product))))
        return out
