"""Quality School Desktop core: domain, storage, scoring, exchange and reports.

This package never imports Qt; the ``ui`` package is the only place that does.
"""

__version__ = "0.1.0"
