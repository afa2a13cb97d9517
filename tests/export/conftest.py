"""Shared fixtures: the export fixture corpus, a throwaway OpenPGP key, built sites."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from patchday import Settings, build_catalog, load_corpus
from patchday.export import write_exports

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "export" / "bulletins"
AS_OF = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
KEY_UID = "Contoso CSAF test key <csaf-test@contoso.example>"
GPG = shutil.which("gpg") or "/usr/bin/gpg"


@pytest.fixture(scope="session")
def settings() -> Settings:
    # The exports' fixture turns on every output, translated CSAF documents included (off by default).
    return Settings(csaf_translations=True)


@pytest.fixture(scope="session")
def catalog(settings):
    corpus = load_corpus(FIXTURE)
    assert not [d for d in corpus.diagnostics if d.severity.name == "ERROR"]
    return build_catalog(corpus, settings, AS_OF)


@pytest.fixture(scope="session")
def gnupg_home(tmp_path_factory):
    """A temporary keyring with one passphrase-less ed25519 key; its agent is stopped afterwards."""
    home = tmp_path_factory.mktemp("gnupg")
    os.chmod(home, 0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    # A key older than every document, as a real provider key is: signatures are then made at
    # each document's own time, never at the key-creation boundary.
    subprocess.run([GPG, "--batch", "--passphrase", "", "--faked-system-time", "20200101T000000!",
                    "--quick-gen-key", KEY_UID, "ed25519", "sign", "never"],
                   env=env, check=True, capture_output=True)
    yield str(home)
    subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=env, check=False, capture_output=True)


@pytest.fixture(scope="session")
def signed_site(tmp_path_factory, catalog, settings, gnupg_home) -> Path:
    out = tmp_path_factory.mktemp("signed-site")
    write_exports(catalog, out, settings=settings, as_of=AS_OF, signing_key="csaf-test@contoso.example", gnupg_home=gnupg_home)
    return out


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory, catalog, settings) -> Path:
    out = tmp_path_factory.mktemp("plain-site")
    write_exports(catalog, out, settings=settings, as_of=AS_OF)
    return out
