"""The parts of the *Conciliación* page: date range, queue tabs, totals chart, dialogs."""
