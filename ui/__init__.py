"""The Qt front end: thin views over the core (``qualityschool_desktop``), which never imports Qt."""
