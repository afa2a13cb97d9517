"""All versions at once: every reference resolves, every supported version has a status."""

from __future__ import annotations

import difflib

from patchday.lint.context import LintContext
from patchday.model.products import Product, Version
from patchday.patchdays import local


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known[:12])}"


def check(ctx: LintContext) -> None:
    if ctx.corpus.catalogue is None:
        return
    # First definition wins, as in the catalogue rule that reports the repeat.
    products: dict[str, Product] = {}
    for p in ctx.corpus.catalogue.model.products:
        products.setdefault(p.id, p)
    for item in ctx.corpus.bulletins:
        b = item.model
        day = local(b.released, ctx.settings.release).date()
        stated: dict[str, dict[str, tuple[str, ...]]] = {}
        affected_products: list[str] = []
        for section in ("affected", "not_affected"):
            for i, row in enumerate(getattr(b, section)):
                base = (section, i)
                product = products.get(row.product)
                if product is None:
                    ctx.report(item, base + ("product",), "PD301", f"unknown product {row.product!r}",
                               _suggest(row.product, sorted(products)) + " (see products.yaml)")
                    continue
                if section == "affected":
                    affected_products.append(row.product)
                known: dict[str, Version] = {}
                for v in product.versions:
                    known.setdefault(v.id, v)
                mine = stated.setdefault(row.product, {})
                for j, ver in enumerate(row.versions):
                    path = base + ("versions", j)
                    if ver not in known:
                        ctx.report(item, path, "PD302", f"{product.name} has no version {ver!r}",
                                   _suggest(ver, list(known)) + " (see products.yaml)")
                        continue
                    if ver in mine:
                        ctx.report(item, path, "PD305", f"{product.name} {ver} is stated twice",
                                   f"it is already listed at {'.'.join(map(str, mine[ver]))}; keep one")
                        continue
                    mine[ver] = base
                    if not known[ver].supported_on(day):
                        ctx.warn(item, path, "PD306", f"{product.name} {ver} is not supported on {day}",
                                 "drop it, or check supported_until in products.yaml")
                if section == "affected" and (row.update is None) == (row.no_fix is None):
                    ctx.report(item, base, "PD304",
                               "give exactly one of `update` or `no_fix` for these versions",
                               "use no_fix with a reason while no update exists")
        for name in dict.fromkeys(affected_products):
            product = products[name]
            missing = [v.id for v in product.versions if v.supported_on(day) and v.id not in stated.get(name, {})]
            if missing:
                first = next(i for i, r in enumerate(b.affected) if r.product == name)
                ctx.report(item, ("affected", first, "product"), "PD303",
                           f"{product.name}: supported version(s) {', '.join(missing)} have no stated status",
                           "list each under affected (with update or no_fix) or under not_affected")
