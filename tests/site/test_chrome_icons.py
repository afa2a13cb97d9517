"""Material's chrome icons, moved out of every poured page into one file each (render/chrome_icons.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from patchday.render.chrome_icons import FOLDER, externalize, icon_file
from patchday.render.shell import Shell
from patchday.render.shell_contract import SHELL_CONTENT

STYLE = '<link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css">'
MENU = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
TOP = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M13 20h-2V8z"/></svg>'


def test_each_icon_becomes_a_reference_to_a_file_named_by_its_content():
    icons = externalize(f"{STYLE}<label>{MENU}</label><a>{MENU}</a><button>{TOP}</button>")
    refs = re.findall(r'<svg viewBox="0 0 24 24"><use href="\.\./\.\./([^"#]+)#i"></use></svg>', icons.html)
    assert len(refs) == 3 and refs[0] == refs[1] != refs[2]
    assert sorted(icons.files) == sorted(set(refs)) and all(r.startswith(FOLDER + "/") for r in refs)
    symbol = ET.fromstring(icons.files[refs[0]]).find("{http://www.w3.org/2000/svg}symbol")
    assert symbol is not None and symbol.get("id") == "i" and symbol.get("viewBox") == "0 0 24 24"
    assert icon_file("0 0 24 24", '<path d="M3 6h18v2H3z"/>')[0] == refs[0]  # same shapes, same file


def test_a_shell_whose_root_is_unknown_keeps_its_icons_inline():
    assert externalize(f"<label>{MENU}</label>").html == f"<label>{MENU}</label>"


def test_a_shell_writes_the_files_its_pages_reference(tmp_path):
    shell = Shell.parse(f"{STYLE}<label>{MENU}</label><main>{SHELL_CONTENT}</main>")
    shell.write_icons(tmp_path)
    page = shell.fill("X", "t", "body", [])
    for ref in re.findall(r'href="\.\./\.\./([^"#]+)#i"', page):
        assert (tmp_path / ref).read_text().startswith('<svg xmlns="http://www.w3.org/2000/svg"><symbol id="i"')


def test_every_built_in_severity_has_its_shape_in_the_stylesheet():
    from pathlib import Path
    from typing import get_args

    from patchday.model.site import SeverityLevel

    css = (Path(__file__).resolve().parents[2] / "theme" / "assets" / "patchday" / "patchday.css").read_text()
    levels = [a for a in get_args(SeverityLevel.model_fields["icon"].annotation) if a is not type(None)]
    (names,) = [get_args(a) for a in levels]
    assert set(names) == {"critical", "important", "moderate", "low"}
    for name in names:
        rule = re.search(rf"\.pd-sev--{name} {{ --pd-sev-icon: url\(\"data:image/svg\+xml,([^\"]+)\"\); }}", css)
        assert rule and "evenodd" in rule.group(1), name  # a shape with its mark cut out
