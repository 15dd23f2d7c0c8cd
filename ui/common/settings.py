"""The window's own settings file: an INI file in the user's data folder, beside the data (it
travels with it, and each test gets its own through the data folder's override)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_FILE = "window-settings.ini"


def default_settings() -> QSettings:
    """The settings file of the user's data folder (``paths.user_data_dir()``)."""
    from qualityschool_desktop import paths

    return QSettings(str(paths.user_data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)
