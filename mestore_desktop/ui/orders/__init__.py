"""The parts of *Pedidos* (the back office's orders browser): filter bar, detail pane with the
status timeline, actions (Consultar en Wompi, Anular, recibos, CSV) and their dialogs."""
