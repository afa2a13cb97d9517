"""What a customer on one product version must install: the site's one answer to it.

The product pages, the JSON API (and through it "Am I affected?"), CSAF and the
product feeds all call :func:`status`, so they cannot disagree. It reads only the
catalog, which holds published bulletins only: nothing embargoed is counted.

The rules, in the words of the publisher guide:

- An open item stays open until its own bulletin's row gets an update: a later
  update for the version does not clear an earlier "no fix" (it was never stated
  to contain that fix).
- ``updates: cumulative`` (the default): the newest update for a version contains
  every earlier fix for it, so only the newest is installed.
- ``updates: separate``: each bulletin's update is needed, unless a later update
  names that bulletin in ``supersedes`` (then the later one replaces it).
- A component version that is ``part_of`` a platform version brings its bulletins
  to the platform's customers, marked with the component and the relation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from patchday.catalog import Catalog, Entry
from patchday.model.bulletin import Affected, Update

NoFixKind = Literal["in_progress", "not_planned", "end_of_support"]


@dataclass(frozen=True, slots=True)
class Via:
    """The component through which a bulletin reaches a platform version."""

    product: str
    version: str
    relation: str  # default_component_of | installed_on


@dataclass(frozen=True, slots=True)
class Applies:
    """One affected row of a published, not withdrawn bulletin that applies to the version asked about."""

    entry: Entry
    row: Affected
    product: str  # the row's product: the version's own, or a component's
    version: str
    via: Via | None


@dataclass(slots=True)
class Install:
    """One update to install, and the bulletins it resolves (release order)."""

    update: Update
    bulletin: str  # the bulletin that ships it
    released: dt.datetime
    product: str
    version: str
    via: Via | None
    resolves: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Open:
    """A bulletin that applies and has no update for this version."""

    bulletin: str
    released: dt.datetime
    product: str
    version: str
    via: Via | None
    kind: NoFixKind
    reason: str


@dataclass(slots=True)
class Status:
    product: str
    version: str
    applies: list[Applies]  # release order
    install: list[Install]  # install order: oldest first
    open: list[Open]  # release order

    @property
    def bulletins(self) -> list[str]:
        """Every bulletin that applies, in release order, once."""
        return list(dict.fromkeys(a.entry.id for a in self.applies))

    @property
    def unfixed(self) -> list[str]:
        return list(dict.fromkeys(o.bulletin for o in self.open))


def _cached(catalog: Catalog, key: str | tuple[str, ...], make: Any) -> Any:
    # The indexes below are kept on the catalog instead of being rebuilt for every
    # product page, API file and CSAF document.
    return catalog.remembered(("remediation", key), make)


def components(catalog: Catalog) -> dict[tuple[str, str], list[Via]]:
    """Platform (product, version) -> the component versions that are part of it."""
    def make() -> dict[tuple[str, str], list[Via]]:
        out: dict[tuple[str, str], list[Via]] = {}
        for p in catalog.products.values():
            for v in p.versions:
                for part in v.part_of:
                    for pv in part.versions:
                        out.setdefault((part.product, pv), []).append(Via(p.id, v.id, part.relation))
        return out
    return _cached(catalog, "components", make)  # type: ignore[no-any-return]


def platforms(catalog: Catalog, product: str) -> list[str]:
    """The products a product's versions are part of (catalogue order)."""
    p = catalog.products.get(product)
    if p is None:
        return []
    return list(dict.fromkeys(part.product for v in p.versions for part in v.part_of))


@dataclass(frozen=True, slots=True)
class Replacement:
    """A later bulletin's update that supersedes an earlier bulletin for some versions of a product."""

    bulletin: str
    product: str
    versions: tuple[str, ...]


def replacements(catalog: Catalog) -> dict[str, list[Replacement]]:
    """Bulletin ID -> the published rows of later bulletins whose updates supersede it (release order)."""
    def make() -> dict[str, list[Replacement]]:
        out: dict[str, list[Replacement]] = {}
        for e in catalog.entries:
            if e.withdrawn:
                continue
            for r in e.bulletin.affected:
                if r.update is not None:
                    for old in r.update.supersedes:
                        if old != e.id:
                            out.setdefault(old, []).append(Replacement(e.id, r.product, tuple(r.versions)))
        return out
    return _cached(catalog, "replacements", make)  # type: ignore[no-any-return]


def superseded_by(catalog: Catalog, bulletin: str) -> list[str]:
    """The later bulletins whose updates replace some or all of this bulletin's updates."""
    return list(dict.fromkeys(x.bulletin for x in replacements(catalog).get(bulletin, [])))


def row_superseded_by(catalog: Catalog, bulletin: str, row: Affected) -> list[str]:
    """The later bulletins that replace this row's update, for at least one of its versions."""
    return list(dict.fromkeys(x.bulletin for x in replacements(catalog).get(bulletin, [])
                              if x.product == row.product and set(x.versions) & set(row.versions)))


def _applies(catalog: Catalog, product: str, version: str, via: Via | None) -> list[Applies]:
    out = []
    for e in catalog.by_product.get(product, []):
        if e.withdrawn:
            continue
        for r in e.bulletin.affected:
            if r.product == product and version in r.versions:
                out.append(Applies(e, r, product, version, via))
    return out


def no_fix_kind(catalog: Catalog, row: Affected, released: dt.datetime) -> NoFixKind:
    """"Fix in progress" (planned), "end of support" (every version of the row was out of
    support when the bulletin was released), or "no fix planned"."""
    assert row.no_fix is not None
    if row.no_fix.planned:
        return "in_progress"
    day = released.date()
    ended = [v for vid in row.versions if (v := catalog.version(row.product, vid)) is not None
             and v.supported_until is not None and v.supported_until < day]
    return "end_of_support" if ended and len(ended) == len(row.versions) else "not_planned"


def _installs(catalog: Catalog, rows: list[Applies]) -> list[Install]:
    """The updates one product version needs, from its fixed rows in release order."""
    fixed = [a for a in rows if a.row.update is not None]
    if not fixed:
        return []
    p = catalog.products.get(fixed[0].product)
    cumulative = p is None or p.updates == "cumulative"
    if cumulative:
        newest = fixed[-1]
        assert newest.row.update is not None
        return [Install(newest.row.update, newest.entry.id, newest.entry.bulletin.released, newest.product,
                        newest.version, newest.via, list(dict.fromkeys(a.entry.id for a in fixed)))]
    # Separate updates: newest first, so a later update that supersedes a bulletin takes its place.
    replaced: dict[str, Install] = {}
    by_update: dict[str, Install] = {}
    out: list[Install] = []
    for a in reversed(fixed):
        u = a.row.update
        assert u is not None
        target = replaced.get(a.entry.id) or by_update.get(u.id)
        if target is None:
            target = Install(u, a.entry.id, a.entry.bulletin.released, a.product, a.version, a.via)
            by_update[u.id] = target
            out.append(target)
        target.resolves.insert(0, a.entry.id)
        for old in u.supersedes:
            replaced.setdefault(old, target)
    for i in out:
        i.resolves = list(dict.fromkeys(i.resolves))
    return out[::-1]


def status(catalog: Catalog, product: str, version: str) -> Status:
    """Everything published that applies to ``product`` ``version``, what to install, what has no fix.

    Kept on the catalog: a product page asks for it in every language, and the API once more.
    Callers only read it."""
    return _cached(catalog, ("status", product, version), lambda: _status(catalog, product, version))  # type: ignore[no-any-return]


def _status(catalog: Catalog, product: str, version: str) -> Status:
    targets: list[tuple[str, str, Via | None]] = [(product, version, None)]
    targets += [(c.product, c.version, c) for c in components(catalog).get((product, version), [])]
    applies: list[Applies] = []
    installs: list[Install] = []
    opens: list[Open] = []
    for p, v, via in targets:
        rows = _applies(catalog, p, v, via)
        applies += rows
        installs += _installs(catalog, rows)
        for a in rows:
            if a.row.no_fix is not None:
                opens.append(Open(a.entry.id, a.entry.bulletin.released, p, v, via, no_fix_kind(catalog, a.row, a.entry.bulletin.released), a.row.no_fix.reason))
    applies.sort(key=lambda a: (a.entry.bulletin.released, a.entry.id))
    installs.sort(key=lambda i: (i.released, i.bulletin))
    opens.sort(key=lambda o: (o.released, o.bulletin))
    return Status(product, version, applies, installs, opens)


def reaching(catalog: Catalog, product: str) -> list[Entry]:
    """Published bulletins for a product and for the components of its versions, release order."""
    ids: dict[str, None] = {}
    seen = {product}
    for (pp, _pv), vias in components(catalog).items():
        if pp == product:
            seen.update(c.product for c in vias)
    entries = {e.id: e for pid in seen for e in catalog.by_product.get(pid, [])}
    for e in sorted(entries.values(), key=lambda e: (e.bulletin.released, e.id)):
        ids[e.id] = None
    return [entries[i] for i in ids]
