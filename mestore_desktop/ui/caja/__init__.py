"""The counter's ring-up screen (Caja): cart, catalogue search, totals, customer and tenders.

`RingUpView` is the widget the Caja page composes with the payment dialog; `CatalogueLookup`
is what it needs to find products.
"""

from mestore_desktop.ui.caja.product_search import CatalogueLookup
from mestore_desktop.ui.caja.ring_up import RingUpView
from mestore_desktop.ui.caja.tender_bar import ChargeTender

__all__ = ["CatalogueLookup", "ChargeTender", "RingUpView"]
