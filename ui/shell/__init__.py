"""The window's shell: the main window, navigation, menus, start-up, and the interface through which
the features add their pages, actions and school-page tabs (``api.py``; the features are listed in
``features.py``)."""
