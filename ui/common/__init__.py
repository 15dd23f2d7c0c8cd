"""What every feature of the window uses: the operations helper, save state, the report printer, tables and widgets."""
