"""Material's chrome icons, referenced from one small file each instead of inlined in every page.

Material includes each icon's whole SVG in the header, the navigation drawer and the
"back to top" button of every page (the two colour-scheme toggles alone are 1.8 kB):
22 MB at 3,000 bulletins x 4 languages, measured. A page poured into a shell
keeps Material's ``<svg viewBox>`` element, so Material's CSS sizes and colours it as
before, and points its ``<use>`` at ``assets/patchday/icons/<digest>.svg``. The file is
named by its content, so a browser may cache it for ever and a changed icon in
mkdocs.yml is a new file. Pages MkDocs renders itself (home, search, about) keep their
inline icons: there are a dozen of them per language.

A browser follows an external ``<use>`` only over HTTP(S), not from ``file://``:
the preview and every host serve the site over HTTP.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

FOLDER = "assets/patchday/icons"
SYMBOL = "i"  # the one symbol's id in every icon file

# Material writes each icon as it ships in .icons/: this opening, a viewBox, the shapes.
_ICON = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="([0-9. -]+)">(.*?)</svg>', re.S)
# The root-relative prefix of the shell's page, read from Material's stylesheet link.
_ROOT = re.compile(r'<link rel="stylesheet" href="((?:\.\./)*)assets/stylesheets/main\.')


@dataclass(frozen=True, slots=True)
class Icons:
    html: str  # the shell, its chrome icons referenced
    files: dict[str, str]  # path under the site -> SVG document


def icon_file(view_box: str, shapes: str) -> tuple[str, str]:
    """The icon's path under the site and its SVG document."""
    doc = (f'<svg xmlns="http://www.w3.org/2000/svg"><symbol id="{SYMBOL}" viewBox="{view_box}">'
           f"{shapes}</symbol></svg>\n")
    digest = hashlib.sha256(doc.encode("utf-8")).hexdigest()[:12]
    return f"{FOLDER}/{digest}.svg", doc


def externalize(shell: str) -> Icons:
    """The shell with every inline Material icon replaced by a reference to its file.

    A shell whose root cannot be read keeps its icons inline: a page with inline
    icons is bigger, never broken.
    """
    root = _ROOT.search(shell)
    if root is None:
        return Icons(shell, {})
    prefix = root.group(1)
    files: dict[str, str] = {}

    def one(m: re.Match[str]) -> str:
        path, doc = icon_file(m.group(1), m.group(2))
        files[path] = doc
        return f'<svg viewBox="{m.group(1)}"><use href="{prefix}{path}#{SYMBOL}"></use></svg>'

    return Icons(_ICON.sub(one, shell), files)
