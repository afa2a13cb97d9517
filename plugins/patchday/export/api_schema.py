"""The published JSON Schema of the static API (/api/v1/schema.json).

One schema for all files: ``kind`` picks the definition, so a client (or a
test) can validate any API file against the same URL.
"""

from __future__ import annotations

from typing import Any

STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
BOOL = {"type": "boolean"}
INT = {"type": "integer", "minimum": 0}
TIME = {"type": "string", "format": "date-time", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
MONTH = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
CVE = {"type": "string", "pattern": r"^CVE-\d{4}-\d{4,}$"}
LANGMAP = {"type": "object", "additionalProperties": STR}
STATED = {"enum": [True, False, "unknown"]}  # `unknown`: the source of a legacy or imported record does not say
NDATE = {"oneOf": [{"type": "null"}, {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}]}
HEAD = {"kind": None, "api_version": {"const": 1}, "schema": {"const": "schema.json"}}


def _obj(props: dict[str, Any], required: list[str] | None = None, *, closed: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if closed:
        out["additionalProperties"] = False
    return out


def _doc(kind: str, props: dict[str, Any]) -> dict[str, Any]:
    head = {**HEAD, "kind": {"const": kind}}
    return _obj({**head, **props})


def _nullable(ref: str) -> dict[str, Any]:
    return {"oneOf": [{"type": "null"}, {"$ref": ref}]}


SUMMARY_PROPS: dict[str, Any] = {
    "id": STR,
    "title": STR,
    "titles": LANGMAP,
    "severity": STR,
    "release": MONTH,
    "released": TIME,
    "last_updated": TIME,
    "revision": STR,
    "status": {"enum": ["draft", "review", "final", "withdrawn"]},
    "withdrawn": BOOL,
    "out_of_band": BOOL,
    "exploited": BOOL,
    "publicly_disclosed": BOOL,
    "cves": {"type": "array", "items": CVE},
    "products": {"type": "array", "items": STR},
    "updates": {"type": "array", "items": STR},
    "path": STR,
    "paths": LANGMAP,
    "url": {"type": "string", "format": "uri"},
    "json": STR,
    "csaf": {"type": "string", "format": "uri"},
    "vex": {"type": ["string", "null"], "format": "uri"},
}

UPDATE_PROPS: dict[str, Any] = {
    "id": STR, "url": STR, "fixed": NSTR, "restart": {"enum": ["required", "not-required", "may-be-required", "unknown"]},
    "supersedes": {"type": "array", "items": STR}, "fixed_cpe": NSTR, "fixed_purl": NSTR}
UPDATE = _obj(UPDATE_PROPS)
COMPONENT = {"oneOf": [{"type": "null"}, _obj({"product": STR, "version": STR, "name": STR,
                                               "relation": {"enum": ["default_component_of", "installed_on"]}})]}
# remediation.status of one version: the one answer pages, API, CSAF and "Am I affected?" share.
STATUS = _obj({
    "bulletins": {"type": "array", "items": STR},
    "install": {"type": "array", "items": _obj({
        "bulletin": STR, "released": TIME, "product": STR, "version": STR, "component": COMPONENT,
        "resolves": {"type": "array", "items": STR}, **UPDATE_PROPS})},
    "no_fix": {"type": "array", "items": _obj({
        "bulletin": STR, "released": TIME, "product": STR, "version": STR, "component": COMPONENT,
        "kind": {"enum": ["in_progress", "not_planned", "end_of_support"]}, "reason": STR})},
})
NO_FIX = _obj({"reason": STR, "planned": BOOL})
TOTALS = _obj({"bulletins": INT, "withdrawn": INT, "out_of_band": INT, "cves": INT,
               "severities": {"type": "object", "additionalProperties": INT}})
SCORE = _obj({"version": {"enum": ["3.1", "4.0"]}, "vector": STR, "base_score": {"type": "number"}, "rating": STR})


def schema(url: str) -> dict[str, Any]:
    defs: dict[str, Any] = {
        "summary": _obj(SUMMARY_PROPS),
        "update": UPDATE,
        "no_fix": NO_FIX,
        "totals": TOTALS,
        "score": SCORE,
        "index": _doc("index", {
            "vendor": STR, "site": STR, "languages": {"type": "array", "items": STR},
            "severities": {"type": "array", "items": STR},
            "labels": {"type": "object", "additionalProperties": LANGMAP},
            "counts": _obj({"bulletins": INT, "cves": INT, "releases": INT, "products": INT}),
            "bulletins": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
        }),
        "release-index": _doc("release-index", {
            "releases": {"type": "array", "items": _obj({"month": MONTH, "patch_day": TIME, "totals": {"$ref": "#/$defs/totals"},
                                                          "path": STR, "json": STR})},
        }),
        "release": _doc("release", {
            "month": MONTH, "patch_day": TIME, "totals": {"$ref": "#/$defs/totals"}, "path": STR,
            "bulletins": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
        }),
        "bulletin": _doc("bulletin", {
            **SUMMARY_PROPS,
            "summary": STR,
            "summaries": LANGMAP,
            "translations": {"type": "object", "additionalProperties": {"enum": ["ok", "partial", "stale", "missing"]}},
            "out_of_band_reason": NSTR,
            "legacy": BOOL,
            "superseded_by": {"type": "array", "items": STR},
            "withdrawal": {"oneOf": [{"type": "null"}, _obj({"date": DATE, "reason": STR})]},
            "affected": {"type": "array", "minItems": 1, "items": _obj({
                "product": STR, "versions": {"type": "array", "items": STR}, "severity": STR, "impact": STR,
                "update": _nullable("#/$defs/update"), "no_fix": _nullable("#/$defs/no_fix"),
                "superseded_by": {"type": "array", "items": STR}})},
            "not_affected": {"type": "array", "items": _obj({"product": STR, "versions": {"type": "array", "items": STR},
                                                             "justification": NSTR, "impact_statement": NSTR})},
            "vulnerabilities": {"type": "array", "minItems": 1, "items": _obj({
                "cve": CVE, "title": STR, "titles": LANGMAP, "impact": STR,
                "cwe": {"type": "array", "items": {"type": "string", "pattern": r"^CWE-[1-9]\d*$"}},
                "severity": {"type": "object", "additionalProperties": STR},
                "cvss": {"type": "array", "items": {"$ref": "#/$defs/score"}},
                "publicly_disclosed": STATED, "exploited": STATED, "exploited_since": NDATE,
                "description": STR, "mitigating_factors": NSTR,
                "workarounds": {"type": "array", "items": _obj({"key": STR, "text": STR, "impact": STR, "undo": STR})},
                "faq": {"type": "array", "items": _obj({"key": STR, "question": STR, "answer": STR})},
                "acknowledgments": {"type": "array", "items": _obj({"name": STR, "organization": NSTR, "url": NSTR})},
            })},
            "references": {"type": "array", "items": _obj({"url": STR, "title": STR, "category": {"enum": ["self", "external"]}})},
            "revisions": {"type": "array", "items": _obj({"version": STR, "date": DATE, "moment": TIME, "summary": STR})},
        }),
        "product-index": _doc("product-index", {
            "families": {"type": "array", "items": _obj({"id": STR, "name": STR})},
            "products": {"type": "array", "items": _obj({
                "id": STR, "name": STR, "family": STR, "bulletins": INT, "json": STR,
                "versions": {"type": "array", "items": _obj({"id": STR, "name": STR, "cpe": NSTR, "purl": NSTR})}})},
        }),
        "product": _doc("product", {
            "id": STR, "name": STR, "family": STR, "url": NSTR, "path": STR,
            "updates": {"enum": ["cumulative", "separate"]},
            "versions": {"type": "array", "items": _obj({
                "id": STR, "name": STR, "platforms": {"type": "array", "items": STR},
                "part_of": {"type": "array", "items": _obj({"product": STR, "versions": {"type": "array", "items": STR},
                                                            "relation": {"enum": ["default_component_of", "installed_on"]}})},
                "status": STATUS,
                "released": {"oneOf": [{"type": "null"}, DATE]}, "supported_until": {"oneOf": [{"type": "null"}, DATE]},
                "supported": BOOL, "cpe": NSTR, "purl": NSTR,
                "bulletins": {"type": "array", "items": {"oneOf": [
                    _obj({"bulletin": STR, "status": {"const": "affected"}, "severity": STR, "impact": STR,
                          "cves": {"type": "array", "items": CVE}, "withdrawn": BOOL, "released": TIME,
                          "component": COMPONENT,
                          "update": _nullable("#/$defs/update"), "no_fix": _nullable("#/$defs/no_fix")}),
                    _obj({"bulletin": STR, "status": {"const": "not_affected"}, "withdrawn": BOOL, "released": TIME}),
                ]}},
                # Kept from the first API: the version's own newest update. Use `status.install`.
                "latest_update": {"oneOf": [{"type": "null"}, _obj({
                    "bulletin": STR, "released": TIME, **UPDATE_PROPS})]},
                "unfixed": {"type": "array", "items": STR},
            })},
        }),
        "cves": _doc("cves", {
            "count": INT,
            "years": {"type": "array", "items": _obj({"year": {"type": "string", "pattern": r"^\d{4}$"}, "count": INT,
                                                      "path": STR})},
        }),
        "cves-year": _doc("cves-year", {
            "year": {"type": "string", "pattern": r"^\d{4}$"},
            "count": INT,
            "cves": {"type": "object", "propertyNames": CVE, "additionalProperties": {"type": "array", "items": _obj({
                "bulletin": STR, "title": STR, "severity": STR, "products": {"type": "array", "items": STR},
                "exploited": STATED, "withdrawn": BOOL, "release": MONTH,
                "cvss": {"type": "array", "items": {"$ref": "#/$defs/score"}}})}},
        }),
        "cve": _doc("cve", {
            "id": CVE,
            "bulletins": {"type": "array", "minItems": 1, "items": _obj({
                "bulletin": STR, "title": STR, "titles": LANGMAP, "severity": STR, "impact": STR,
                "cwe": {"type": "array", "items": {"type": "string", "pattern": r"^CWE-[1-9]\d*$"}},
                "cvss": {"type": "array", "items": {"$ref": "#/$defs/score"}},
                "exploited": STATED, "publicly_disclosed": STATED, "withdrawn": BOOL, "release": MONTH,
                "released": TIME, "last_updated": TIME, "path": STR, "paths": LANGMAP,
                "url": {"type": "string", "format": "uri"}, "json": STR, "csaf": {"type": "string", "format": "uri"},
                "vex": {"type": ["string", "null"], "format": "uri"},
                "fixes": {"type": "array", "minItems": 1, "items": _obj({
                    "product": STR, "versions": {"type": "array", "items": STR}, "severity": STR,
                    "update": _nullable("#/$defs/update"), "no_fix": _nullable("#/$defs/no_fix")})},
            })},
        }),
        "schema-document": {"type": "object", "required": ["$schema", "$defs"]},
    }
    kinds = ["index", "release-index", "release", "bulletin", "product-index", "product", "cves", "cves-year", "cve"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": url,
        "title": "patchday static JSON API v1",
        "description": "Every file under /api/v1/ validates against this schema; `kind` selects the definition.",
        "oneOf": [{"$ref": f"#/$defs/{k}"} for k in kinds] + [{"$ref": "#/$defs/schema-document"}],
        "$defs": defs,
    }
