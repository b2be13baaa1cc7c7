"""Links de pago: the creation form, the result panel (URL, QR, sharing) and the list of links."""
