"""Record models. These classes are the one source of the record schema."""

from patchday.model.bulletin import Bulletin, Impact, Status
from patchday.model.catalogue import Catalogue
from patchday.model.overlay import BulletinOverlay, ReleaseNotesOverlay
from patchday.model.release_notes import ReleaseNotes
from patchday.model.site import Settings

__all__ = ["Bulletin", "BulletinOverlay", "Catalogue", "Impact", "ReleaseNotes", "ReleaseNotesOverlay", "Settings", "Status"]
