"""Hashes and OpenPGP signatures for the CSAF trusted-provider tree (R18-R20).

Signatures come from the gpg binary. To keep builds byte-identical the
signing time is pinned with --faked-system-time (EdDSA and RSA v4 signatures
are deterministic for the same data, key and time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


HASH = "sha512"


def hash_line(data: bytes, filename: str) -> bytes:
    """The ``.sha512`` body in sha512sum format, as CSAF tools expect.

    One hash file per document, as requirement 18 asks ("at least one"): a ``.sha256``
    beside it was a third of the provider tree's files (11,490 at 3,000 bulletins x 4
    languages) and told a tool nothing the stronger hash does not.
    """
    return f"{hashlib.sha512(data).hexdigest()}  {filename}\n".encode()


class SigningError(RuntimeError):
    """gpg is missing, the key is unknown, or signing failed."""


@dataclass
class Signer:
    key: str
    gnupg_home: str | None = None
    gpg: str = "gpg"

    def _run(self, *args: str, data: bytes | None = None) -> bytes:
        env = dict(os.environ)
        if self.gnupg_home:
            env["GNUPGHOME"] = self.gnupg_home
        try:
            done = subprocess.run([self.gpg, "--batch", "--no-tty", *args], input=data, capture_output=True, env=env, check=False)
        except FileNotFoundError:
            raise SigningError(f"{self.gpg} not found; install gnupg or build without a signing key") from None
        if done.returncode != 0:
            raise SigningError(f"gpg {' '.join(args[:3])}…: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout

    def _key_line(self) -> list[str]:
        out = self._run("--with-colons", "--fixed-list-mode", "--list-secret-keys", self.key).decode()
        rows = [line.split(":") for line in out.splitlines()]
        sec = next((r for r in rows if r[0] == "sec"), None)
        fpr = next((r for r in rows if r[0] == "fpr"), None)
        if sec is None or fpr is None:
            raise SigningError(f"no secret key {self.key!r} in the keyring")
        return [fpr[9], sec[5]]

    @property
    def fingerprint(self) -> str:
        return self._key_line()[0]

    def public_key(self) -> bytes:
        return self._run("--armor", "--export", self.fingerprint)

    def sign(self, data: bytes, moment: dt.datetime) -> bytes:
        """A detached, armored signature made 'at' ``moment`` (never before the key existed)."""
        fpr, created = self._key_line()
        when = max(int(moment.timestamp()), int(created))
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "data"
            src.write_bytes(data)
            return self._run(
                "--yes", "--faked-system-time", f"{when}!", "--local-user", fpr,
                "--armor", "--detach-sign", "--output", "-", str(src),
            )

    def clearsign(self, text: bytes, moment: dt.datetime) -> bytes:
        """A cleartext-signed copy of ``text`` (RFC 9116 §2.3 for security.txt), made 'at' ``moment``."""
        fpr, created = self._key_line()
        when = max(int(moment.timestamp()), int(created))
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "data"
            src.write_bytes(text)
            return self._run(
                "--yes", "--faked-system-time", f"{when}!", "--local-user", fpr,
                "--digest-algo", "SHA512", "--clearsign", "--output", "-", str(src),
            )
