"""Quality School Desktop core: domain, storage, scoring, exchange and reports.

This package never imports Qt; the ``ui`` package is the only place that does.
"""

import os as _os

__version__ = "0.1.0"

# pythainlp makes its data folder (``~/pythainlp-data`` unless told) whenever it is imported: keep it
# inside the app's own data folder, not as a stray folder in the user's home (try11a #9). The app
# ships everything pythainlp needs and never downloads; a folder the user names is left alone.
if not (_os.environ.get("PYTHAINLP_DATA") or _os.environ.get("PYTHAINLP_DATA_DIR")):
    from . import paths as _paths

    _os.environ["PYTHAINLP_DATA"] = str(_paths.user_data_location() / "pythainlp-data")
