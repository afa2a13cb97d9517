"""Severities come from the scale and agree between CVEs and product rows."""

from __future__ import annotations

from patchday.lint.context import LintContext


def check(ctx: LintContext) -> None:
    scale = ctx.settings.severities
    rank = ctx.settings.severity_rank
    hint = f"use one of: {', '.join(scale)}"
    for item in ctx.corpus.bulletins:
        b = item.model
        rows: dict[str, tuple[int, str]] = {}
        for i, row in enumerate(b.affected):
            if row.severity not in scale:
                ctx.report(item, ("affected", i, "severity"), "PD401", f"unknown severity {row.severity!r}", hint)
            prev = rows.get(row.product)
            if prev is not None and prev[1] != row.severity:
                ctx.report(item, ("affected", i, "severity"), "PD405",
                           f"{row.product} is {prev[1]} in affected[{prev[0]}] but {row.severity} here",
                           "a product has one severity per bulletin: the maximum over its CVEs")
            rows.setdefault(row.product, (i, row.severity))
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
            if level not in scale:
                continue
            if product not in worst:
                ctx.report(item, ("affected", i, "product"), "PD404",
                           f"{product} is affected, but no vulnerability rates it",
                           "add it to the severity map of the CVEs that affect it")
            elif worst[product] != level:
                ctx.report(item, ("affected", i, "severity"), "PD403",
                           f"{product} is {level} here, but its most severe CVE is {worst[product]}",
                           f"set severity: {worst[product]} (the maximum over the CVEs)")
