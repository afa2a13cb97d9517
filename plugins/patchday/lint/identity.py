"""A fixed build's CPE and PURL can be derived from the versions it fixes, or are stated."""

from __future__ import annotations

from patchday.identity import derived
from patchday.lint.context import LintContext


def check(ctx: LintContext) -> None:
    cat = ctx.corpus.catalogue
    if cat is None:
        return
    products = {p.id: p for p in cat.model.products}
    for item in ctx.corpus.bulletins:
        for i, row in enumerate(item.model.affected):
            if row.update is None or row.product not in products:
                continue
            cpes, purls = derived(products, row)
            for kind, found, given in (("cpe", cpes, row.update.fixed_cpe), ("purl", purls, row.update.fixed_purl)):
                # One version without an identifier next to one with it is ambiguous too.
                if given is None and len(found) > 1:
                    ctx.report(item, ("affected", i, "update", "fixed"), "PD307",
                               f"the versions {', '.join(row.versions)} would give build {row.update.fixed} different {kind.upper()}s",
                               f"state it: add `fixed_{kind}:` under update, or split the row per version")
