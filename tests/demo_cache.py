"""The demo database for tests, built once per run for each day it is built on.

Building the demo goes through the core's write path thousands of times (several seconds on
Linux, several times that under Wine), and about forty test modules need one. Each gets a copy
of a template built the first time its (day, installation) is asked for; a module then changes
its copy as it likes. The records are the same as a build of its own: the same day, the same
installation id (``DEMO_INSTALLATION``, which the modules also open their copies with)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from qualityschool_desktop import paths
from qualityschool_desktop.demo import build_demo
from qualityschool_desktop.workspace import Workspace

DEMO_INSTALLATION = "demo-tests"

_templates: dict[tuple[date, str], Path] = {}


def copy_demo(path: Path, factory: pytest.TempPathFactory, *, today: date,
              installation: str = DEMO_INSTALLATION) -> Path:
    """Puts the demo as built on ``today`` by ``installation`` at ``path`` (a new file) and
    returns ``path``. The first call for a (today, installation) builds the template."""
    key = (today, installation)
    template = _templates.get(key)
    if template is None:
        template = factory.mktemp("demo-template") / "demo.sqlite3"
        with Workspace.open(template, create=True, installation=installation) as workspace:
            build_demo(workspace, today=today)
        _templates[key] = template
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, path)
    for sidecar in paths.sidecar_files(template):  # none after a clean close; copied if there
        if sidecar.exists():
            shutil.copy(sidecar, path.with_name(path.name + sidecar.name[len(template.name):]))
    return path
