"""The payment screens: the dialog over the counter, the locked-down Wompi checkout web view,
bank windows, the phone QR and the outcome panels."""
