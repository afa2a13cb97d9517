"""Product identifiers scanners match on: CPE 2.3 formatted strings and Package URLs.

A PURL is parsed by ``packageurl-python`` (the reference implementation) and must be
written in its canonical form, so that the string in CSAF, VEX and CVE records is the
one a scanner compares byte for byte. A CPE is checked against the formatted-string
grammar of NISTIR 7695 §6.2 (the pattern the CSAF and CVE JSON schemas use); a bad one
is explained component by component. (The ``cpe`` package on the index was not used:
asked for 2.3 it accepts a 2.2 URI, and it reports every fault as "not implemented".)

A validation error carries its own rule code and hint (``PD912: … | hint: …``), which
the loader turns into a diagnostic at the field's line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from packageurl import PackageURL
from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

from patchday.load.scalars import Plain11

# NISTIR 7695 §6.2, Figure 6-3: avstring and the language tag, as in the CSAF 2.0 schema.
_AV = r"""(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@\[\]\^`{|}~]))+(\?*|\*?))|[*\-])"""
_LANG = r"(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[*\-])"
CPE23_PATTERN = rf"^cpe:2\.3:[aho*\-](:{_AV}){{5}}(:{_LANG})(:{_AV}){{4}}$"
_CPE23 = re.compile(CPE23_PATTERN)
_AV_ONE = re.compile(rf"^{_AV}$")
_LANG_ONE = re.compile(rf"^{_LANG}$")
_UNESCAPED_COLON = re.compile(r"(?<!\\)((?:\\\\)*):")
COMPONENTS = ("part", "vendor", "product", "version", "update", "edition", "language",
              "sw_edition", "target_sw", "target_hw", "other")
_CPE_HINT = ("write cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other, "
             "e.g. cpe:2.3:a:contoso:mail_server:2019:*:*:*:*:*:*:*; use _ for spaces and escape other punctuation with \\")


def _text(value: Any) -> Any:
    if isinstance(value, Plain11):
        raise ValueError(f"yaml11:{value.reads_as}")
    return value


def cpe_components(cpe: str) -> list[str]:
    """The 11 components after ``cpe:2.3:`` (escapes kept), split on unescaped colons."""
    marked = _UNESCAPED_COLON.sub(lambda m: m.group(1) + "\0", cpe.removeprefix("cpe:2.3:"))
    return marked.split("\0")


def cpe_problem(cpe: str) -> str | None:
    """Why ``cpe`` is not a CPE 2.3 formatted string, or None if it is one."""
    if _CPE23.match(cpe):
        return None
    if cpe.lower().startswith("cpe:/"):
        return f"`{cpe}` is a CPE 2.2 URI; write the CPE 2.3 formatted string (cpe:2.3:…)"
    if not cpe.startswith("cpe:2.3:"):
        return f"`{cpe}` does not start with `cpe:2.3:`"
    parts = cpe_components(cpe)
    if len(parts) != len(COMPONENTS):
        return f"`{cpe}` has {len(parts)} components after `cpe:2.3:`; CPE 2.3 has 11 (use * for any)"
    if parts[0] not in ("a", "o", "h", "*", "-"):
        return f"part `{parts[0]}` must be a (application), o (operating system) or h (hardware)"
    for name, value in zip(COMPONENTS[1:], parts[1:], strict=True):
        ok = _LANG_ONE if name == "language" else _AV_ONE
        if not ok.match(value):
            return f"the {name} component `{value}` is not allowed in a CPE 2.3 formatted string"
    return f"`{cpe}` is not a CPE 2.3 formatted string"


def _cpe(value: str) -> str:
    problem = cpe_problem(value)
    if problem:
        raise ValueError(f"PD912: {problem} | hint: {_CPE_HINT}")
    return value


def purl_problem(purl: str) -> str | None:
    """Why ``purl`` is not a canonical Package URL with a version, or None."""
    try:
        parsed = PackageURL.from_string(purl)
    except ValueError as exc:
        return f"`{purl}` is not a Package URL: {exc}"
    canonical = parsed.to_string()
    if canonical != purl:
        return f"`{purl}` is not in canonical form: write `{canonical}`"
    if not parsed.version:
        return f"`{purl}` names no version: a product version's purl ends in @<version>"
    return None


def _purl(value: str) -> str:
    problem = purl_problem(value)
    if problem:
        raise ValueError(f"PD913: {problem} | hint: write pkg:type/namespace/name@version, e.g. pkg:generic/contoso/mail-server@2019")
    return value


Cpe = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    BeforeValidator(_text),
    AfterValidator(_cpe),
    WithJsonSchema({"type": "string", "pattern": CPE23_PATTERN, "description": "A CPE 2.3 formatted string."}),
]
Purl = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    BeforeValidator(_text),
    AfterValidator(_purl),
    WithJsonSchema({"type": "string", "pattern": r"^pkg:[A-Za-z.+\-][A-Za-z0-9.+\-]*/.+@.+", "description": "A Package URL."}),
]

_CPE_ESCAPE = re.compile(r"([^A-Za-z0-9._\-])")


# Cached: the exports ask for the same (version, build) pair in the CSAF product tree, the VEX
# document and the API file of every CVE of a bulletin, ~200,000 times for ~30,000 pairs at 3,000 bulletins.
@lru_cache(maxsize=65_536)
def fixed_cpe(version_cpe: str, build: str) -> str:
    """The version's CPE with its version component set to the fixed build (other components kept)."""
    parts = cpe_components(version_cpe)
    parts[COMPONENTS.index("version")] = _CPE_ESCAPE.sub(r"\\\1", build)
    return "cpe:2.3:" + ":".join(parts)


@lru_cache(maxsize=65_536)
def fixed_purl(version_purl: str, build: str) -> str:
    """The version's PURL with its version set to the fixed build (type, namespace, name, qualifiers kept)."""
    p = PackageURL.from_string(version_purl)
    return PackageURL(p.type, p.namespace, p.name, build, p.qualifiers, p.subpath).to_string()
