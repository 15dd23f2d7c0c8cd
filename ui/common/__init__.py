"""What every feature of the window uses: the operations helper and its change notices, honest
save state, the record status of a record view, the one report printer, lists of records, small
widgets and fonts. It imports nothing of the window outside itself (``tests/ui/test_layout.py``)."""
