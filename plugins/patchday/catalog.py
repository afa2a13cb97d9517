"""The catalog: validated records indexed by release, product and CVE.

Every renderer and exporter reads this one object, so the HTML, CSAF, JSON
and feeds cannot disagree. Building it also applies the publication rule:
only ``final`` and ``withdrawn`` bulletins released at or before ``as_of``
exist here, unless ``preview`` is set. The same holds for what hangs off
them: a month's release notes are here from its patch-day time, and the
product catalogue holds only what a published bulletin or a past release
date has made public (:func:`public_products`). Nothing embargoed reaches
an output because nothing embargoed reaches the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TypeVar

from patchday.load.corpus import Corpus
from patchday.model import Bulletin, BulletinOverlay, ProductsOverlay, ReleaseNotes, ReleaseNotesOverlay, Settings, Status
from patchday.model.bulletin import Vulnerability
from patchday.model.products import ProductList, Family, Product, Version
from patchday.notice import Notice, notices
from patchday.patchdays import patch_datetime, release_month
from patchday.scoring import score3, score4

T = TypeVar("T")

PUBLISHED = (Status.FINAL, Status.WITHDRAWN)


@dataclass(frozen=True, slots=True)
class Score:
    version: str  # "3.1" or "4.0"
    vector: str
    base: float
    severity: str  # CVSS qualitative rating: None/Low/Medium/High/Critical


def scores(v: Vulnerability) -> list[Score]:
    """CVSS base scores computed from the vectors (never typed by hand)."""
    return list(vector_scores(v.cvss.v3, v.cvss.v4)) if v.cvss is not None else []


@lru_cache(maxsize=131_072)
def vector_scores(v3: str | None, v4: str | None) -> tuple[Score, ...]:
    # Remembered per pair of vectors: pages, CSAF documents and API files of every
    # language ask for the same scores, and scoring a 4.0 vector is slow.
    out: list[Score] = []
    if v3:
        out.append(Score("3.1", *score3(v3)))
    if v4:
        out.append(Score("4.0", *score4(v4)))
    return tuple(out)


@dataclass(slots=True)
class Entry:
    """One published bulletin plus everything derived from it."""

    bulletin: Bulletin
    file: str
    release: str  # YYYY-MM
    severity: str  # overall: the most severe product row
    overlays: dict[str, BulletinOverlay] = field(default_factory=dict)
    # Facts every page, feed and export of every language asks for, derived once: they walk
    # the bulletin's rows and vulnerabilities. Records never change; `patchday serve` makes
    # a new Entry for a new record.
    _products: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _impacts: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _exploited: bool = field(init=False, repr=False, compare=False)
    _disclosed: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        b = self.bulletin
        self._products = tuple(dict.fromkeys(r.product for r in b.affected))
        self._impacts = tuple(sorted({str(v.impact) for v in b.vulnerabilities}))
        # `unknown` is not `true`; exploitation found after release (exploited_since) counts.
        self._exploited = any(v.exploited is True or v.exploited_since is not None for v in b.vulnerabilities)
        self._disclosed = any(v.publicly_disclosed is True for v in b.vulnerabilities)

    @property
    def id(self) -> str:
        return self.bulletin.id

    @property
    def withdrawn(self) -> bool:
        return self.bulletin.status is Status.WITHDRAWN

    @property
    def out_of_band(self) -> bool:
        return self.bulletin.out_of_band is not None

    @property
    def updates(self) -> list[str]:
        """KB / update identifiers this bulletin ships, in first-mention order."""
        return list(dict.fromkeys(r.update.id for r in self.bulletin.affected if r.update))

    @property
    def products(self) -> list[str]:
        return list(self._products)

    @property
    def impacts(self) -> list[str]:
        return list(self._impacts)

    @property
    def cves(self) -> list[str]:
        return [v.cve for v in self.bulletin.vulnerabilities]

    @property
    def exploited(self) -> bool:
        return self._exploited

    @property
    def publicly_disclosed(self) -> bool:
        return self._disclosed

    @property
    def last_updated(self) -> dt.date:
        b = self.bulletin
        return b.revisions[-1].date if b.revisions else b.released.date()

    @property
    def revision(self) -> str:
        b = self.bulletin
        return b.revisions[-1].version if b.revisions else "0.1"


@dataclass(slots=True)
class Release:
    month: str  # YYYY-MM
    patch_day: dt.datetime
    entries: list[Entry] = field(default_factory=list)
    notes: ReleaseNotes | None = None
    notes_overlays: dict[str, ReleaseNotesOverlay] = field(default_factory=dict)

    @property
    def out_of_band(self) -> list[Entry]:
        return [e for e in self.entries if e.out_of_band]

    @property
    def cve_count(self) -> int:
        return sum(len(e.bulletin.vulnerabilities) for e in self.entries if not e.withdrawn)


@dataclass  # no slots: cached_property needs an instance __dict__
class Catalog:
    settings: Settings
    as_of: dt.datetime
    preview: bool
    families: dict[str, Family]  # the public view: see public_products
    products: dict[str, Product]
    entries: list[Entry]  # sorted by release time, then ID
    releases: dict[str, Release]  # sorted by month
    # Advance notices (notice.py): aggregates only, never a fact of one unpublished bulletin.
    notices: list[Notice] = field(default_factory=list)
    # products.<lang>.yaml by language: names of families and platforms. Read through
    # family_name / platform_name, which only ever look up public families and platforms.
    catalogue_overlays: dict[str, ProductsOverlay] = field(default_factory=dict)

    def family_name(self, family: str, lang: str) -> tuple[str, str]:
        """A public family's name in ``lang`` and the language it is written in (English when untranslated)."""
        if family not in self.families:  # not public (or unknown): nothing of it, translated or not
            return family, self.settings.source_language
        english = self.families[family].name
        return _translated(self.catalogue_overlays.get(lang), "families", family, english, lang, self.settings.source_language)

    def platform_name(self, platform: str, lang: str) -> str:
        """A platform in ``lang``; untranslated, as the catalogue writes it (mostly tokens such as
        ``x64``, not English words, so not marked as English)."""
        return _translated(self.catalogue_overlays.get(lang), "platforms", platform, platform, lang, self.settings.source_language)[0]

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def by_product(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = {p: [] for p in self.products}
        for e in self.entries:
            for p in e.products:
                out.setdefault(p, []).append(e)
        return out

    @cached_property
    def by_cve(self) -> dict[str, list[tuple[Entry, Vulnerability]]]:
        out: dict[str, list[tuple[Entry, Vulnerability]]] = {}
        for e in self.entries:
            for v in e.bulletin.vulnerabilities:
                out.setdefault(v.cve, []).append((e, v))
        return dict(sorted(out.items()))

    @cached_property
    def cves_by_year(self) -> dict[str, list[str]]:
        """CVE ids by the year in the identifier, years and ids ascending: the CVE pages and the
        API's CVE lists are split this way, since one list of every CVE grows past what a page
        or a host's file limit takes."""
        out: dict[str, list[str]] = {}
        for cve in self.by_cve:
            out.setdefault(cve_year(cve), []).append(cve)
        return dict(sorted(out.items()))

    @property
    def latest_release(self) -> Release | None:
        return next(reversed(self.releases.values()), None) if self.releases else None

    def work_out_shared(self) -> None:
        """Work out now what every output asks for: the indexes by ID, product and CVE, and
        each translation's freshness. A build forks its exports, search index and page
        writers from this process; what exists before the fork is inherited, not redone
        in each of them."""
        from patchday.translate.freshness import assess

        self.by_id, self.by_product, self.by_cve, self.cves_by_year  # noqa: B018
        for e in self.entries:
            for o in e.overlays.values():
                assess(e.bulletin, o)

    def work_out_scores(self) -> None:
        """Score every CVSS vector now. Scoring a 4.0 vector is slow (~0.1 ms, 12,500 of them at 3,000
        bulletins): scored before the exports and page writers fork, they inherit the scores. A build
        takes the scores its linter worked out (:func:`patchday.scoring.learn`), so this only looks
        them up; the search index needs none, so a build starts it before."""
        for e in self.entries:
            for v in e.bulletin.vulnerabilities:
                if v.cvss is not None:
                    try:
                        vector_scores(v.cvss.v3, v.cvss.v4)
                    except Exception:  # noqa: BLE001 - a vector that does not parse: the linter says why
                        pass

    def replace_entry(self, new: Entry) -> Entry:
        """Put ``new`` in place of the entry with its ID, in the same release; returns the old one."""
        old = self.by_id[new.id]
        if new.release != old.release:
            raise ValueError(f"{new.id} moved from {old.release} to {new.release}: build the catalog again")
        for items in (self.entries, self.releases[old.release].entries):
            # by identity: Entry's dataclass __eq__ would compare whole records
            items[next(i for i, x in enumerate(items) if x is old)] = new
        self.by_id[new.id] = new
        for derived in ("by_product", "by_cve", "cves_by_year", "_remembered"):
            self.__dict__.pop(derived, None)
        return old

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, kept on the catalog under ``key`` until :meth:`replace_entry` changes it.

        For what remediation and the index pages derive from the whole catalog and ask for
        many times (in every language, and again for the API): the catalog does not change
        once built, so the answer holds until the preview replaces an entry."""
        store = self.__dict__.setdefault("_remembered", {})
        if key not in store:
            store[key] = make()
        return store[key]  # type: ignore[no-any-return]

    def version(self, product: str, version: str) -> Version | None:
        p = self.products.get(product)
        if p is None:
            return None
        return next((v for v in p.versions if v.id == version), None)


def overall_severity(b: Bulletin, settings: Settings) -> str:
    """The most severe product row: derived, never typed by hand."""
    return min((r.severity for r in b.affected), key=settings.severity_rank)


def is_published(b: Bulletin, as_of: dt.datetime) -> bool:
    return b.status in PUBLISHED and b.released <= as_of


def notes_public(release: Release, as_of: dt.datetime) -> bool:
    """Release notes belong to the patch-day release: an out-of-band bulletin earlier in the
    month must not publish notes that name bulletins still under embargo."""
    return release.patch_day <= as_of


def public_products(
    catalogue: ProductList | None, entries: list[Entry], as_of: dt.datetime, *, preview: bool = False,
) -> tuple[dict[str, Family], dict[str, Product]]:
    """The families, products and versions the public may see as of ``as_of``.

    A version is public once a published bulletin states it (an affected or not_affected
    row) or its own ``released`` date has come; a product once one of its versions is, a
    family once one of its products is. A product line announced only in an embargoed
    bulletin, or a version not yet released, would otherwise tell the future on the
    product pages, feeds, sitemap, API and CSAF category document.
    """
    if catalogue is None:
        return {}, {}
    if preview:
        return {f.id: f for f in catalogue.families}, {p.id: p for p in catalogue.products}
    today = as_of.astimezone(dt.UTC).date()
    stated: set[tuple[str, str]] = set()
    for e in entries:
        for row in (*e.bulletin.affected, *e.bulletin.not_affected):
            stated.update((row.product, v) for v in row.versions)
    products: dict[str, Product] = {}
    for p in catalogue.products:
        kept = [v for v in p.versions if (p.id, v.id) in stated or (v.released is not None and v.released <= today)]
        if kept:
            products[p.id] = p if len(kept) == len(p.versions) else p.model_copy(update={"versions": kept})
    families = {p.family for p in products.values()}
    return {f.id: f for f in catalogue.families if f.id in families}, products


def _translated(o: ProductsOverlay | None, section: str, key: str, english: str, lang: str, source_lang: str) -> tuple[str, str]:
    text = getattr(o, section).get(key) if o is not None and lang != source_lang else None
    return (text, lang) if text else (english, source_lang)


def cve_year(cve: str) -> str:
    """The year in a CVE identifier (CVE-2026-21001 -> 2026): how readers and NVD file CVEs."""
    return cve.split("-")[1]


def entry_for(b: Bulletin, file: str, overlays: dict[str, BulletinOverlay], settings: Settings) -> Entry:
    """The catalog's entry for a bulletin and its translations (``patchday serve`` remakes one per save)."""
    return Entry(bulletin=b, file=file, release=release_month(b.released, settings.release),
                 severity=overall_severity(b, settings), overlays=dict(sorted(overlays.items())))


def build_catalog(corpus: Corpus, settings: Settings, as_of: dt.datetime, *, preview: bool = False) -> Catalog:
    """Index the corpus as of a moment. ``as_of`` must be timezone-aware."""
    if as_of.tzinfo is None:
        raise ValueError("as_of must be timezone-aware")
    rule = settings.release
    cat_model = corpus.catalogue.model if corpus.catalogue else None
    overlays: dict[str, dict[str, BulletinOverlay]] = {}
    for o in corpus.overlays:
        overlays.setdefault(o.source.stem, {})[o.source.lang or ""] = o.model
    entries: list[Entry] = []
    for item in corpus.bulletins:
        b = item.model
        if not preview and not is_published(b, as_of):
            continue
        entries.append(entry_for(b, item.file, overlays.get(b.id, {}), settings))
    entries.sort(key=lambda e: (e.bulletin.released, e.id))
    notes = {n.model.release: n.model for n in corpus.release_notes}
    notes_overlays: dict[str, dict[str, ReleaseNotesOverlay]] = {}
    for o in corpus.release_overlays:
        notes_overlays.setdefault(o.source.stem, {})[o.source.lang or ""] = o.model
    releases: dict[str, Release] = {}
    for e in entries:
        if e.release not in releases:
            year, month = (int(x) for x in e.release.split("-"))
            releases[e.release] = Release(
                month=e.release,
                patch_day=patch_datetime(year, month, rule),
            )
            if preview or notes_public(releases[e.release], as_of):
                releases[e.release].notes = notes.get(e.release)
                releases[e.release].notes_overlays = dict(sorted(notes_overlays.get(e.release, {}).items()))
        releases[e.release].entries.append(e)
    families, products = public_products(cat_model, entries, as_of, preview=preview)
    return Catalog(
        settings=settings,
        as_of=as_of,
        preview=preview,
        families=families,
        products=products,
        entries=entries,
        releases=dict(sorted(releases.items())),
        notices=notices(corpus, settings, as_of),
        catalogue_overlays={o.source.lang or "": o.model for o in corpus.catalogue_overlays},
    )

