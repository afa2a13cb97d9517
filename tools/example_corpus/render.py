"""Render a spec into text for one language, the English bulletin, and its overlays."""

from __future__ import annotations

from catalogue import BY_ID, port
from pools import IMPACT_RANK, SEVERITY_RANK, v4_from_v3
from text_de import T as DE
from text_en import T as EN
from text_fr import T as FR
from text_ja import T as JA
from write import Q, Raw

LANGS = {"en": EN, "de": DE, "fr": FR, "ja": JA}


def fmt_date(lang: str, day) -> str:
    L = LANGS[lang]
    return L["date"].format(year=day.year, month=L["months"][day.month - 1], day=day.day)


def _sep(lang: str) -> str:
    return "" if lang == "ja" else " "


def worst(spec: dict) -> dict:
    return min(spec["vulns"], key=lambda v: (min(SEVERITY_RANK[s] for s in v["severity"].values()),
                                             IMPACT_RANK[v["impact"]]))


def _params(v: dict) -> dict:
    p = BY_ID[v["home"]]
    return {"product": p["name"], "component": v["component"], "port": port(v["home"], v["component"]), "cve": v["cve"]}


def texts(spec: dict, lang: str) -> dict:
    """Every translatable field of the spec, in one language, keyed like an overlay."""
    L, sep = LANGS[lang], _sep(lang)
    products = L["and"].join(BY_ID[p]["name"] for p in spec["products"])
    w, n = worst(spec), len(spec["vulns"])
    one = "one" if n == 1 else "many"
    clause = w["impact"]
    if clause == "rce":
        clause = "rce-client" if BY_ID[w["home"]]["kind"] == "client" else "rce-server"
    top = min((s for v in spec["vulns"] for s in v["severity"].values()), key=SEVERITY_RANK.get)
    summary = [
        L["summary_count"][one].format(products=products, n=n),
        L["summary_sentence"].format(lead=L["summary_lead"][one], clause=L["summary_clause"][clause]),
        L["summary_rating"].format(severity=L["severity"][top]),
    ] + [L["summary_extra"][k].format(**p) for k, p in spec["summary_extra"]]
    out: dict = {
        "title": L["bulletin_title"][one].format(products=products, phrase=L["impact_phrase"][w["impact"]]),
        "summary": sep.join(summary),
    }
    if spec["oob"]:
        key, p = spec["oob"]
        out["out_of_band"] = {"reason": L["oob"][key].format(**p)}
    if spec["withdrawn"]:
        out["withdrawn"] = {"reason": L["withdrawn"][spec["withdrawn"]["key"]].format(**spec["withdrawn"]["params"])}
    vulns = {}
    for v in spec["vulns"]:
        p = _params(v)
        name = f"{p['product']} {v['component']}" if v["with_component"] else p["product"]
        t = {"title": L["vuln_title"].format(name=name, impact=L["impact_title"][v["impact"]]),
             "description": sep.join([L["desc"][v["desc"]].format(**p)] +
                                     [L["desc_extra"][k].format(**p) for k in v["desc_extra"]])}
        if v["mitigation"]:
            t["mitigating_factors"] = L["mitigation"][v["mitigation"]].format(**p)
        if v["workarounds"]:
            t["workarounds"] = {k: dict(zip(("text", "impact", "undo"), (s.format(**p) for s in L["workaround"][k])))
                                for k in v["workarounds"]}
        if v["faq"]:
            t["faq"] = {slug: dict(zip(("question", "answer"), (s.format(**p) for s in L["faq"][var])))
                        for slug, var in v["faq"]}
        vulns[v["cve"]] = t
    out["vulnerabilities"] = vulns
    out["revisions"] = {ver: L["revision"][key].format(**p) for ver, _, key, p in spec["revisions"]}
    return out


def bulletin_document(spec: dict) -> dict:
    t = texts(spec, "en")
    doc: dict = {"schema_version": 1, "id": spec["id"], "title": t["title"], "summary": t["summary"],
                 "status": spec["status"], "released": Raw(spec["released"].isoformat())}
    if spec["oob"]:
        doc["out_of_band"] = t["out_of_band"]
    if spec["withdrawn"]:
        doc["withdrawn"] = {"date": spec["withdrawn"]["date"], "reason": t["withdrawn"]["reason"]}
    doc["affected"] = []
    for r in spec["affected"]:
        row = {"product": r["product"], "versions": [Q(x) for x in r["versions"]], "severity": r["severity"],
               "impact": r["impact"]}
        if "update" in r:
            u = dict(r["update"])
            u["fixed"] = Q(u["fixed"])
            if not u["supersedes"]:
                del u["supersedes"]
            row["update"] = u
        else:
            row["no_fix"] = r["no_fix"]
        doc["affected"].append(row)
    doc["not_affected"] = [{"product": r["product"], "versions": [Q(x) for x in r["versions"]]}
                           for r in spec["not_affected"]]
    year = spec["released"].year
    vulns = []
    for v in spec["vulns"]:
        tv = t["vulnerabilities"][v["cve"]]
        cvss = {"v3": "CVSS:3.1/" + v["v3"]}
        if year >= 2026:
            cvss["v4"] = "CVSS:4.0/" + v4_from_v3(v["v3"])
        d = {"cve": v["cve"], "title": tv["title"], "impact": v["impact"], "cwe": v["cwe"],
             "severity": dict(v["severity"]), "cvss": cvss, "publicly_disclosed": v["pd"],
             "exploited": v["exploited"], "description": tv["description"]}
        if "mitigating_factors" in tv:
            d["mitigating_factors"] = tv["mitigating_factors"]
        d["workarounds"] = [{"key": k, **w} for k, w in tv.get("workarounds", {}).items()]
        d["faq"] = [{"key": k, **f} for k, f in tv.get("faq", {}).items()]
        d["acknowledgments"] = [dict(a) for a in v["acks"]]
        vulns.append(d)
    doc["vulnerabilities"] = vulns
    doc["references"] = spec["references"]
    doc["revisions"] = [{"version": Q(ver), "date": day, "summary": t["revisions"][ver]}
                        for ver, day, _, _ in spec["revisions"]]
    if spec["internal"]:
        doc["internal"] = spec["internal"]
    return doc


def overlay_document(spec: dict, lang: str) -> dict:
    """A complete overlay; a stale one is rendered from the spec as it was at its source revision."""
    source = spec.get("stale", {}).get(lang, spec)
    t = texts(source, lang)
    doc: dict = {"schema_version": 1, "source_revision": Q(source["revisions"][-1][0])}
    doc.update({k: t[k] for k in ("title", "summary", "out_of_band", "withdrawn") if k in t})
    doc["vulnerabilities"] = t["vulnerabilities"]
    doc["revisions"] = {Q(k): v for k, v in t["revisions"].items()}
    return doc
