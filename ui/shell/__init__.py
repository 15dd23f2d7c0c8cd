"""The window's shell: the main window, navigation, menus and the interface through which features add their pages and actions."""
