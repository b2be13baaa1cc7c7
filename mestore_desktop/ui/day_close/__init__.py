"""*Cierre del día*: a terminal's expected totals, the cash counted, close and reopen."""
