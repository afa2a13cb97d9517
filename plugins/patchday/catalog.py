"""The catalog: validated records indexed by release, product and CVE.

Every renderer and exporter reads this one object, so the HTML, CSAF, JSON
and feeds cannot disagree. Building it also applies the publication rule:
only ``final`` and ``withdrawn`` bulletins released at or before ``as_of``
exist here, unless ``preview`` is set. Nothing embargoed reaches an output
because nothing embargoed reaches the catalog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from patchday.load.corpus import Corpus
from patchday.model import Bulletin, BulletinOverlay, ReleaseNotes, ReleaseNotesOverlay, Settings, Status
from patchday.model.bulletin import Vulnerability
from patchday.model.catalogue import Family, Product, Version
from patchday.notice import Notice, notices
from patchday.patchdays import patch_datetime, release_month
from patchday.scoring import cvss3, cvss4

PUBLISHED = (Status.FINAL, Status.WITHDRAWN)


@dataclass(frozen=True, slots=True)
class Score:
    version: str  # "3.1" or "4.0"
    vector: str
    base: float
    severity: str  # CVSS qualitative rating: None/Low/Medium/High/Critical


def scores(v: Vulnerability) -> list[Score]:
    """CVSS base scores computed from the vectors (never typed by hand)."""
    return list(vector_scores(v.cvss.v3, v.cvss.v4))


@lru_cache(maxsize=131_072)
def vector_scores(v3: str | None, v4: str | None) -> tuple[Score, ...]:
    # Remembered per pair of vectors: pages, CSAF documents and API files of every
    # language ask for the same scores, and scoring a 4.0 vector is slow.
    out: list[Score] = []
    if v3:
        c3 = cvss3(v3)
        out.append(Score("3.1", c3.clean_vector(), float(c3.base_score), c3.severities()[0]))
    if v4:
        c4 = cvss4(v4)
        out.append(Score("4.0", c4.clean_vector(), float(c4.base_score), c4.severity))
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
        self._exploited = any(v.exploited for v in b.vulnerabilities)
        self._disclosed = any(v.publicly_disclosed for v in b.vulnerabilities)

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
    families: dict[str, Family]
    products: dict[str, Product]
    entries: list[Entry]  # sorted by release time, then ID
    releases: dict[str, Release]  # sorted by month
    # Advance notices (notice.py): aggregates only, never a fact of one unpublished bulletin.
    notices: list[Notice] = field(default_factory=list)

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

    @property
    def latest_release(self) -> Release | None:
        return next(reversed(self.releases.values()), None) if self.releases else None

    def work_out_shared(self) -> None:
        """Work out now what every output asks for: the indexes by ID, product and CVE, and
        each translation's freshness. A build forks its exports, search index and page
        writers from this process; what exists before the fork is inherited, not redone
        in each of them."""
        from patchday.translate.freshness import assess

        self.by_id, self.by_product, self.by_cve  # noqa: B018
        for e in self.entries:
            for o in e.overlays.values():
                assess(e.bulletin, o)

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
        entries.append(
            Entry(
                bulletin=b,
                file=item.file,
                release=release_month(b.released, rule),
                severity=overall_severity(b, settings),
                overlays=dict(sorted(overlays.get(b.id, {}).items())),
            )
        )
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
                notes=notes.get(e.release),
                notes_overlays=dict(sorted(notes_overlays.get(e.release, {}).items())),
            )
        releases[e.release].entries.append(e)
    return Catalog(
        settings=settings,
        as_of=as_of,
        preview=preview,
        families={f.id: f for f in cat_model.families} if cat_model else {},
        products={p.id: p for p in cat_model.products} if cat_model else {},
        entries=entries,
        releases=dict(sorted(releases.items())),
        notices=notices(corpus, settings, as_of),
    )

