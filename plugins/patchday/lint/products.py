"""The product catalogue and release notes are consistent in themselves."""

from __future__ import annotations

from typing import Any

from patchday.lint.context import LintContext


def check(ctx: LintContext) -> None:
    cat = ctx.corpus.catalogue
    if cat is not None:
        families: dict[str, int] = {}
        for i, fam in enumerate(cat.model.families):
            if fam.id in families:
                ctx.report(cat, ("families", i, "id"), "PD904", f"family {fam.id!r} is defined twice", "keep one")
            families.setdefault(fam.id, i)
        products: dict[str, int] = {}
        for i, p in enumerate(cat.model.products):
            if p.id in products:
                ctx.report(cat, ("products", i, "id"), "PD901", f"product {p.id!r} is defined twice",
                           f"products[{products[p.id]}] has the same id")
            products.setdefault(p.id, i)
            if p.family not in families:
                ctx.report(cat, ("products", i, "family"), "PD902", f"unknown family {p.family!r}",
                           f"families: {', '.join(families)}")
            versions: set[str] = set()
            for j, v in enumerate(p.versions):
                if v.id in versions:
                    ctx.report(cat, ("products", i, "versions", j, "id"), "PD903",
                               f"{p.name} lists version {v.id!r} twice", "keep one")
                versions.add(v.id)
                if v.released and v.supported_until and v.supported_until < v.released:
                    ctx.report(cat, ("products", i, "versions", j, "supported_until"), "PD905",
                               "support ends before the version is released", "check both dates")
        _part_of(ctx, cat)
    months: set[str] = set()
    for item in ctx.corpus.release_notes:
        if item.model.release != item.source.stem:
            ctx.report(item, ("release",), "PD910",
                       f"release {item.model.release!r} does not match the file name {item.source.stem}.yaml",
                       f'set release: "{item.source.stem}"')
        if item.model.release in months:
            ctx.report(item, ("release",), "PD911", "release notes for this month exist twice", "keep one file")
        months.add(item.model.release)


def _part_of(ctx: LintContext, cat: Any) -> None:
    """Components name platforms that exist, and never their own product."""
    known = {p.id: {v.id for v in p.versions} for p in cat.model.products}
    for i, p in enumerate(cat.model.products):
        for j, v in enumerate(p.versions):
            for k, part in enumerate(v.part_of):
                path = ("products", i, "versions", j, "part_of", k)
                if part.product == p.id:
                    ctx.report(cat, path + ("product",), "PD906", f"{p.id} {v.id} is named part of its own product",
                               "name the platform product it ships in or runs on")
                elif part.product not in known:
                    ctx.report(cat, path + ("product",), "PD906", f"unknown platform product {part.product!r}",
                               f"products: {', '.join(known)}")
                else:
                    for m, pv in enumerate(part.versions):
                        if pv not in known[part.product]:
                            ctx.report(cat, path + ("versions", m), "PD907",
                                       f"{part.product} has no version {pv!r}",
                                       f"versions: {', '.join(sorted(known[part.product]))}")
