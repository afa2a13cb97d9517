"""Advance notification: how many bulletins the next patch day brings, for which products, how severe.

From ``advance_notice_days`` before a patch day, the site publishes an aggregate of the
``final`` bulletins scheduled for it (released at the patch-day instant, not out of band),
so administrators can plan. This module is, with the catalog, the only reader of records
that are not yet published, and it keeps nothing of them but the aggregate: a number, and
per product its highest severity. No ID, title, CVE or text leaves it, so no renderer can
leak one. Drafts and records in review never count.

A notice exists for the next patch day once its publication time has come, and for the
latest patch day that has passed (its release is out; the notice links it), until the next
notice is due. Pure: corpus, settings and as-of in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from patchday.load.corpus import Corpus
from patchday.model import Settings, Status
from patchday.patchdays import local, patch_datetime, upcoming


@dataclass(frozen=True, slots=True)
class Notice:
    month: str  # YYYY-MM of the patch day
    patch_day: dt.datetime
    published: dt.datetime  # when the notice appears: patch day minus advance_notice_days
    bulletins: int
    products: tuple[tuple[str, str], ...]  # (product id, highest severity), catalogue order
    released: bool  # as-of is at or after the patch day: the notice links the release


def _previous(as_of: dt.datetime, settings: Settings) -> dt.datetime:
    """The latest patch-day instant at or before ``as_of``."""
    here = local(as_of, settings.release)
    year, month = here.year, here.month
    while True:
        moment = patch_datetime(year, month, settings.release)
        if moment <= as_of:
            return moment
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def _aggregate(corpus: Corpus, settings: Settings, moment: dt.datetime, as_of: dt.datetime) -> Notice:
    worst: dict[str, str] = {}
    count = 0
    for item in corpus.bulletins:
        b = item.model
        if b.status is not Status.FINAL or b.out_of_band is not None or b.released != moment:
            continue
        count += 1
        for row in b.affected:
            if row.product not in worst or settings.severity_rank(row.severity) < settings.severity_rank(worst[row.product]):
                worst[row.product] = row.severity
    order = [p.id for p in corpus.catalogue.model.products] if corpus.catalogue else []
    ranked = sorted(worst.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    days = settings.advance_notice_days or 0
    return Notice(
        month=local(moment, settings.release).strftime("%Y-%m"),
        patch_day=moment,
        published=moment - dt.timedelta(days=days),
        bulletins=count,
        products=tuple(ranked),
        released=as_of >= moment,
    )


def notices(corpus: Corpus, settings: Settings, as_of: dt.datetime) -> list[Notice]:
    """The notices published as of ``as_of``, oldest first (none when the setting is off)."""
    days = settings.advance_notice_days
    if not days:
        return []
    out = [_aggregate(corpus, settings, _previous(as_of, settings), as_of)]
    (coming,) = upcoming(as_of, settings.release, 1)
    if coming - dt.timedelta(days=days) <= as_of:
        out.append(_aggregate(corpus, settings, coming, as_of))
    return [n for n in out if n.published <= as_of]
