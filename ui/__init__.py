"""The Qt front end: thin views over the core (``qualityschool_desktop``), which never imports Qt.

``shell/`` is the window's frame and the interface the features are handed, ``common/`` what every
feature uses, and each other package one feature (schools, assessment, visits, follow-ups, district,
exchange, backup) with its views, dialogs and Thai strings; features do not import each other."""
