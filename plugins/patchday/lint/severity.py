"""Severities come from the scale and agree between CVEs and product rows."""

from __future__ import annotations

from patchday.lint.context import LintContext


def check(ctx: LintContext) -> None:
    scale = ctx.settings.severities
    rank = ctx.settings.severity_rank
    hint = f"use one of: {', '.join(scale)}"
    for item in ctx.corpus.bulletins:
        b = item.model
        # Per product: its first row and its most severe row. Rows of one product may differ
        # (a vendor may rate versions differently); together they reach the worst CVE rating.
        rows: dict[str, tuple[int, str]] = {}
        top: dict[str, tuple[int, str]] = {}
        for i, row in enumerate(b.affected):
            rows.setdefault(row.product, (i, row.severity))
            if row.severity not in scale:
                ctx.report(item, ("affected", i, "severity"), "PD401", f"unknown severity {row.severity!r}", hint)
                continue
            if row.product not in top or rank(row.severity) < rank(top[row.product][1]):
                top[row.product] = (i, row.severity)
        worst: dict[str, str] = {}
        for i, v in enumerate(b.vulnerabilities):
            for product, level in v.severity.items():
                path = ("vulnerabilities", i, "severity", product)
                if level not in scale:
                    ctx.report(item, path, "PD401", f"unknown severity {level!r}", hint)
                    continue
                if product not in rows:
                    ctx.report(item, path, "PD402", f"{v.cve} rates {product!r}, which is not in affected",
                               "add an affected row for it, or remove it here", key=True)
                    continue
                if product not in worst or rank(level) < rank(worst[product]):
                    worst[product] = level
        for product, (i, level) in rows.items():
            if product not in worst:
                ctx.report(item, ("affected", i, "product"), "PD404",
                           f"{product} is affected, but no vulnerability rates it",
                           "add it to the severity map of the CVEs that affect it")
                continue
            for j, row in enumerate(b.affected):
                if row.product == product and row.severity in scale and rank(row.severity) < rank(worst[product]):
                    ctx.report(item, ("affected", j, "severity"), "PD405",
                               f"{product} {', '.join(row.versions)} is {row.severity} here, but no CVE rates {product} above {worst[product]}",
                               f"set severity: {worst[product]} at most, or rate a CVE higher for {product}")
            if product not in top:
                continue
            j, best = top[product]
            if rank(best) > rank(worst[product]):
                ctx.report(item, ("affected", j, "severity"), "PD403",
                           f"{product}'s most severe row is {best}, but its most severe CVE is {worst[product]}",
                           f"set severity: {worst[product]} on the rows of the versions it is rated so for")
