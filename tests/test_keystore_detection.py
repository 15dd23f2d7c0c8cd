"""keyring's backend detection off Windows and macOS (issue 16): the same choice as keyring's own,
over the backends that can apply here, without spawning a process. keyring's detection imports
its macOS backend on Linux too, whose ``ctypes.util.find_library`` runs ``ldconfig`` and ``gcc``
(100-240 ms of every start). Each case runs in a fresh process (keyring chooses once per
process), once through :func:`keystore._backend` and once through ``keyring.get_keyring()``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualityschool_desktop import keystore

pytestmark = pytest.mark.skipif(sys.platform in keystore.DIRECT_BACKENDS,
                                reason="Windows and macOS open their store directly")

ROOT = Path(__file__).resolve().parents[1]

# A package with keyring plugins, installed beside the others (an entry point of the group
# keyring.backends, as keyrings.alt or a desktop's own store registers).
STAND_INS = '''
from keyring.backend import KeyringBackend

class StandInStore(KeyringBackend):
    priority = 7
    def get_password(self, service, username): return None
    def set_password(self, service, username, password): pass
    def delete_password(self, service, username): pass

class OtherStandInStore(StandInStore):
    priority = 3
'''

CHOOSE = '''
import json, subprocess, sys
spawned = []
popen = subprocess.Popen.__init__
def watched(self, *args, **kwargs):
    spawned.append(str(args[0] if args else kwargs.get("args")))
    popen(self, *args, **kwargs)
subprocess.Popen.__init__ = watched
import keyring
from qualityschool_desktop import keystore
chosen = keystore._backend() if sys.argv[1] == "ours" else keyring.get_keyring()
print(json.dumps({
    "chosen": keystore._backend_name(chosen),
    "chained": [keystore._backend_name(b) for b in getattr(chosen, "backends", [])],
    "spawned": spawned,
    "foreign": sorted(m for m in sys.modules if m.startswith(keystore.FOREIGN_BACKENDS)),
}))
'''


def _install(site: Path, plugins: dict[str, str]) -> None:
    site.mkdir()
    (site / "standin_keyring.py").write_text(
        STAND_INS + "".join(f"\n{name} = None\n" for name in plugins), encoding="utf-8")
    info = site / "standin_keyring-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: standin-keyring\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[keyring.backends]\n" + "".join(f"{name} = {value}\n" for name, value in plugins.items()),
        encoding="utf-8")


def _choose(how: str, tmp_path: Path, site: Path | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # keyring's keyringrc.cfg, if a test writes one
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (ROOT, site) if p is not None)
    done = subprocess.run([sys.executable, "-c", CHOOSE, how], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("plugins", [
    {},
    {"standin": "standin_keyring"},
    {"standin": "standin_keyring", "other": "standin_keyring:OtherStandInStore"},
], ids=["keyring-alone", "one-more-store", "two-stores-chained"])
def test_the_store_chosen_here_is_keyrings_choice_without_spawning_a_process(
    tmp_path: Path, plugins: dict[str, str],
) -> None:
    site = None
    if plugins:
        site = tmp_path / "site"
        _install(site, plugins)
    ours = _choose("ours", tmp_path, site)
    keyrings = _choose("keyring", tmp_path, site)
    assert (ours["chosen"], ours["chained"]) == (keyrings["chosen"], keyrings["chained"])
    assert ours["spawned"] == [] and ours["foreign"] == []
    if sys.platform.startswith("linux"):  # what was saved: keyring's own detection spawns there
        assert keyrings["spawned"] and keyrings["foreign"]
    if plugins:
        assert ours["chosen"] in ("standin_keyring.StandInStore", "keyring.backends.chainer.ChainerBackend")


def test_a_store_named_in_keyrings_configuration_file_comes_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _install(site, {"standin": "standin_keyring"})
    config = tmp_path / "config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=standin_keyring.OtherStandInStore\n", encoding="utf-8")
    assert _choose("ours", tmp_path, site)["chosen"] == "standin_keyring.OtherStandInStore"
