<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>Age</name>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="69"/>
        <source>hace {n} s</source>
        <translation>{n} s ago</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="71"/>
        <source>hace {n} min</source>
        <translation>{n} min ago</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="72"/>
        <source>hace {n} h</source>
        <translation>{n} h ago</translation>
    </message>
</context>
<context>
    <name>BankWindow</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/bank_window.py" line="36"/>
        <source>Pago en el banco</source>
        <translation>Bank payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/bank_window.py" line="67"/>
        <source>Pago en el banco — %1</source>
        <translation>Bank payment — %1</translation>
    </message>
</context>
<context>
    <name>CajaDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="78"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="79"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CajaPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="79"/>
        <source>Caja</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="85"/>
        <source>Pantalla del cliente  F9</source>
        <translation>Customer display  F9</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="86"/>
        <source>Pantalla del cliente</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="89"/>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="90"/>
        <source>Importar catálogo…</source>
        <translation>Import catalogue…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="181"/>
        <source>La caja no está configurada: complete Ajustes.</source>
        <translation>The counter is not set up: complete Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="342"/>
        <source>Caja: no se pudieron revisar los pagos pendientes. %1 Nuevo intento en %2 s.</source>
        <translation>Counter: the pending payments could not be checked. %1 Trying again in %2 s.</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="46"/>
        <source>Producto</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="47"/>
        <source>Cant.</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="48"/>
        <source>Precio</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="49"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="50"/>
        <source>Descuento</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_model.py" line="51"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CartTable</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_table.py" line="58"/>
        <source>Cantidad</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/cart_table.py" line="81"/>
        <source>Productos de la venta</source>
        <translation>Items in the sale</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="29"/>
        <source>Pago en efectivo</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="43"/>
        <source>Total a pagar</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="33"/>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="44"/>
        <source>Efectivo recibido</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="37"/>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="45"/>
        <source>Cambio</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="50"/>
        <source>Registrar pago  Enter</source>
        <translation>Record payment  Enter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="51"/>
        <source>Registrar pago</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="53"/>
        <source>Cancelar  Esc</source>
        <translation>Cancel  Esc</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="54"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="68"/>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="69"/>
        <source>Exacto</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="95"/>
        <source>Escriba un valor como 50.000</source>
        <translation>Type an amount such as 50.000</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/cash_dialog.py" line="97"/>
        <source>Faltan %1</source>
        <translation>%1 still missing</translation>
    </message>
</context>
<context>
    <name>CatalogueImportAction</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="34"/>
        <source>Catálogo CSV (*.csv *.txt)</source>
        <translation>CSV catalogue (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="50"/>
        <source>Productos importados: %1 (nuevos %2, actualizados %3).</source>
        <translation>Products imported: %1 (%2 new, %3 updated).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="58"/>
        <source>Filas con errores (no se importaron): %1</source>
        <translation>Rows with errors (not imported): %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="65"/>
        <source>Importar catálogo</source>
        <translation>Import catalogue</translation>
    </message>
</context>
<context>
    <name>CheckoutWebView</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/web_view.py" line="78"/>
        <source>Página de pago de Wompi</source>
        <translation>Wompi payment page</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/web_view.py" line="215"/>
        <source>certificado no válido</source>
        <translation>invalid certificate</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/web_view.py" line="216"/>
        <source>no se pudo cargar</source>
        <translation>could not load</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="59"/>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="60"/>
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="63"/>
        <source>Comprueba las llaves con Wompi antes de la primera venta.</source>
        <translation>Check the keys with Wompi before the first sale.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="64"/>
        <source>Resultado de la prueba de conexión</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="82"/>
        <source>Probando la conexión con Wompi…</source>
        <translation>Testing the connection with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="101"/>
        <source>No se pudo probar la conexión.</source>
        <translation>The connection could not be tested.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="116"/>
        <source>Todo en orden: MeStore puede cobrar con Wompi.</source>
        <translation>All good: MeStore can take payments with Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="118"/>
        <source>{count} comprobaciones fallaron; revise los detalles.</source>
        <translation>{count} checks failed; see the details.</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="34"/>
        <source>sin verificar</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="37"/>
        <source>no configurado</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="40"/>
        <source>verificando…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="41"/>
        <source>conectado</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="42"/>
        <source>con demoras</source>
        <translation>degraded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="43"/>
        <source>sin conexión</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="44"/>
        <source>con error</source>
        <translation>failing</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="88"/>
        <source>Problema de la caja</source>
        <translation>Counter problem</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="123"/>
        <source>Terminal {id}</source>
        <translation>Terminal {id}</translation>
    </message>
</context>
<context>
    <name>CreateLinkDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="46"/>
        <source>Link de pago</source>
        <translation>Payment link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="53"/>
        <source>Nuevo link de pago</source>
        <translation>New payment link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="60"/>
        <source>Link de pago del pedido %1</source>
        <translation>Payment link for order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="83"/>
        <source>Crear link</source>
        <translation>Create link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="86"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="95"/>
        <source>El cliente recibe el link por WhatsApp o correo y paga con tarjeta, Nequi o PSE; el pago llega solo a Pedidos.</source>
        <translation>The customer gets the link by WhatsApp or e-mail and pays by card, Nequi or PSE; the payment reaches Orders by itself.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="113"/>
        <source>Listo</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="155"/>
        <source>Link creado. Compártalo con el cliente.</source>
        <translation>Link created. Share it with the customer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/dialog.py" line="157"/>
        <source>Link creado. Compártalo con el cliente: el pedido %1 queda esperando el pago y se marca pagado solo cuando Wompi lo confirme.</source>
        <translation>Link created. Share it with the customer: order %1 waits for the payment and is marked paid by itself when Wompi confirms it.</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="55"/>
        <source>Pantalla del cliente</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="66"/>
        <source>Productos de la compra</source>
        <translation>Items in your purchase</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="70"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="74"/>
        <source>Código QR para pagar</source>
        <translation>QR code to pay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="75"/>
        <source>Escanea con la cámara de tu celular para pagar</source>
        <translation>Scan with your phone camera to pay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="82"/>
        <source>Estado del pago</source>
        <translation>Payment status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="112"/>
        <source>%1 — Su compra</source>
        <translation>%1 — Your purchase</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="113"/>
        <source>Bienvenido a %1</source>
        <translation>Welcome to %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="119"/>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="124"/>
        <source>TOTAL  %1</source>
        <translation>TOTAL  %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="128"/>
        <source>Esperando la confirmación del pago…</source>
        <translation>Waiting for the payment to be confirmed…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="131"/>
        <source>¡Pago aprobado! Gracias por tu compra</source>
        <translation>Payment approved! Thank you for your purchase</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/customer_display.py" line="134"/>
        <source>El pago no se completó. %1</source>
        <translation>The payment was not completed. %1</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="50"/>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="51"/>
        <source>Cliente (opcional)</source>
        <translation>Customer (optional)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="53"/>
        <source>Nombre del cliente</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="54"/>
        <source>Correo electrónico</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="55"/>
        <source>cliente@ejemplo.com</source>
        <translation>customer@example.com</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="56"/>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="94"/>
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="59"/>
        <source>Tipo de documento</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="64"/>
        <source>Número de documento</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="92"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="93"/>
        <source>Correo</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="95"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
</context>
<context>
    <name>DateRangeBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="27"/>
        <source>Hoy</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="28"/>
        <source>Ayer</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="29"/>
        <source>7 días</source>
        <translation>7 days</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="30"/>
        <source>Este mes</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="81"/>
        <source>Desde</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/date_range.py" line="82"/>
        <source>Hasta</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="113"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="165"/>
        <source>Cierre del día</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="134"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="142"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="139"/>
        <source>Estado del cierre</source>
        <translation>Close status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="141"/>
        <source>Terminal {terminal}</source>
        <translation>Terminal {terminal}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="148"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="151"/>
        <source>Por medio de pago</source>
        <translation>By tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="149"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="152"/>
        <source>Por método de Wompi</source>
        <translation>By Wompi method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="153"/>
        <source>Pagos pendientes</source>
        <translation>Pending payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="154"/>
        <source>Colas sin resolver</source>
        <translation>Unresolved queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="157"/>
        <source>Pagos pendientes (pasan al día siguiente)</source>
        <translation>Pending payments (carried into the next day)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="160"/>
        <source>Colas de conciliación sin resolver</source>
        <translation>Unresolved reconciliation queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="187"/>
        <source>Medio</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="187"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="187"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="335"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="208"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="210"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="228"/>
        <source>Efectivo esperado</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="212"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="229"/>
        <source>Efectivo contado</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="213"/>
        <source>Por ejemplo 250.000</source>
        <translation>For example 250.000</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="218"/>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="223"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="230"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="225"/>
        <source>Opcional: por qué sobra o falta efectivo, quién contó…</source>
        <translation>Optional: why cash is over or short, who counted…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="239"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="240"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="444"/>
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="241"/>
        <source>Cerrar el día</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="242"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="323"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="323"/>
        <source>Salir</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="342"/>
        <source>Sin ventas aprobadas</source>
        <translation>No approved sales</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="362"/>
        <source>Pedido {n} · {reference} · {method} · {amount} · {day}</source>
        <translation>Order {n} · {reference} · {method} · {amount} · {day}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="371"/>
        <source>Ninguno.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="379"/>
        <source>Ninguna registrada. Concilie el día para saberlo con certeza.</source>
        <translation>None recorded. Reconcile the day to know for sure.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="382"/>
        <source>Ninguna: la conciliación del día está al día.</source>
        <translation>None: the day&apos;s reconciliation is up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="431"/>
        <source>Día cerrado. Puede guardar el PDF del cierre.</source>
        <translation>Day closed. You can save the close as a PDF.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="438"/>
        <source>Reabrir el día</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="440"/>
        <source>El cierre del {day} de la terminal {terminal} quedará abierto hasta que se cierre de nuevo. Escriba por qué.</source>
        <translation>The close of {day} for terminal {terminal} stays open until it is closed again. Write why.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="465"/>
        <source>Día reabierto. Corrija lo necesario y ciérrelo de nuevo.</source>
        <translation>Day reopened. Correct what is needed and close it again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="495"/>
        <source>Guardar cierre en PDF</source>
        <translation>Save the close as a PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="499"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="517"/>
        <source>No se pudo guardar el PDF en {path}: revise que la carpeta exista y se pueda escribir en ella.</source>
        <translation>The PDF could not be saved at {path}: check that the folder exists and can be written to.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="523"/>
        <source>Cierre guardado en {path}</source>
        <translation>Close saved at {path}</translation>
    </message>
</context>
<context>
    <name>DayClosePdf</name>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="117"/>
        <source>Cierre del día {day} — {terminal}</source>
        <translation>Day close {day} — {terminal}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="118"/>
        <source>NIT {nit}</source>
        <translation>NIT {nit}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="119"/>
        <source>Vista previa: el día todavía no está cerrado.</source>
        <translation>Preview: the day is not closed yet.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="122"/>
        <source>Por medio de pago</source>
        <translation>By tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="123"/>
        <source>Por método de Wompi</source>
        <translation>By Wompi method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="124"/>
        <source>Medio</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="125"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="126"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="127"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="128"/>
        <source>Efectivo esperado</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="129"/>
        <source>Efectivo contado</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="130"/>
        <source>Sin contar</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="131"/>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="132"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="133"/>
        <source>Pagos pendientes (pasan al día siguiente)</source>
        <translation>Pending payments (carried into the next day)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="136"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="137"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="138"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="139"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="140"/>
        <source>Ninguno.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="141"/>
        <source>Colas de conciliación sin resolver</source>
        <translation>Unresolved reconciliation queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="144"/>
        <source>Ninguna registrada.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="145"/>
        <source>Contó</source>
        <translation>Counted by</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="146"/>
        <source>Revisó</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_pdf.py" line="147"/>
        <source>Generado el {at} con MeStore Desktop.</source>
        <translation>Generated on {at} with MeStore Desktop.</translation>
    </message>
</context>
<context>
    <name>DayCloseWords</name>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="21"/>
        <source>Desconocido</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="28"/>
        <source>Sin contar</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="30"/>
        <source>✔ Sin diferencia: cuadra</source>
        <translation>✔ No difference: it balances</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="33"/>
        <source>▲ Sobrante de {amount}</source>
        <translation>▲ Over by {amount}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="36"/>
        <source>▼ Faltante de {amount}</source>
        <translation>▼ Short by {amount}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="53"/>
        <source>○ Día abierto: sin cerrar</source>
        <translation>○ Day open: not closed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="55"/>
        <source>↺ Reabierto el {at} por {who}. Motivo: {why}</source>
        <translation>↺ Reopened on {at} by {who}. Reason: {why}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/words.py" line="62"/>
        <source>✔ Cerrado el {at} por {who}</source>
        <translation>✔ Closed on {at} by {who}</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="179"/>
        <source>Descuento</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="183"/>
        <source>Porcentaje (%)</source>
        <translation>Percent (%)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="184"/>
        <source>Valor en pesos</source>
        <translation>Amount in pesos</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="191"/>
        <source>Valor del descuento</source>
        <translation>Discount value</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="201"/>
        <source>%1 — valor de la línea %2</source>
        <translation>%1 — line value %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="223"/>
        <source>El descuento (%1) no puede ser mayor que el valor de la línea (%2).</source>
        <translation>The discount (%1) cannot be larger than the line value (%2).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="238"/>
        <source>Escriba un porcentaje entero entre 0 y 100, por ejemplo 10.</source>
        <translation>Type a whole percentage from 0 to 100, for example 10.</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/badge.py" line="38"/>
        <source>SANDBOX</source>
        <translation>SANDBOX</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/badge.py" line="39"/>
        <source>PRODUCCIÓN</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/badge.py" line="40"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/badge.py" line="60"/>
        <source>Ambiente: {word}</source>
        <translation>Environment: {word}</translation>
    </message>
</context>
<context>
    <name>FirstRunAssistant</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="210"/>
        <source>Mensaje del asistente</source>
        <translation>Assistant message</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="213"/>
        <source>&amp;Cancelar</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="213"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="214"/>
        <source>&amp;Atrás</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="214"/>
        <source>Atrás</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="215"/>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="425"/>
        <source>&amp;Siguiente</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="215"/>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="426"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="282"/>
        <source>Estado de {secret}</source>
        <translation>State of {secret}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="304"/>
        <source>Bienvenido a MeStore. Estos pasos dejan la caja lista para cobrar con Wompi: el ambiente, las llaves, el relay y los datos del comercio; al final MeStore verifica la instalación. Cada paso se guarda al pulsar Siguiente; si sale antes (Esc, Cancelar o cerrando la ventana), lo escrito en el paso abierto no se guarda y lo de los pasos anteriores queda guardado. Sandbox es para pruebas sin dinero real; Producción cobra de verdad.</source>
        <translation>Welcome to MeStore. These steps get the till ready to take Wompi payments: the environment, the keys, the relay and the store&apos;s details; at the end MeStore verifies the installation. Each step is saved when you press Next; if you leave earlier (Esc, Cancel or closing the window), what was typed in the open step is not saved and what earlier steps saved stays saved. Sandbox is for tests without real money; Production charges for real.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="312"/>
        <source>Ambiente</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="317"/>
        <source>Copie las llaves del panel de Wompi (Desarrolladores › Llaves) del mismo ambiente. Los secretos se guardan solo en el llavero del sistema y nunca se vuelven a mostrar; deje un secreto vacío para conservar el que ya está guardado.</source>
        <translation>Copy the keys from the Wompi dashboard (Developers › Keys), all of the same environment. Secrets are kept only in the system keyring and are never shown again; leave a secret empty to keep the one already saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="324"/>
        <source>Llaves de Wompi</source>
        <translation>Wompi keys</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="329"/>
        <source>El relay recibe los eventos de Wompi y se los pasa a esta caja, así un pago aprobado en el celular del cliente llega aunque la caja haya cerrado el cobro. Escriba su URL y el token de esta caja (quien administra el relay lo crea con &apos;mestore-relay token create&apos;). Sin relay, MeStore consulta a Wompi con la llave privada.</source>
        <translation>The relay receives Wompi&apos;s events and passes them to this till, so a payment approved on the customer&apos;s phone arrives even after the till closed the charge. Type its URL and this till&apos;s token (whoever runs the relay creates it with &apos;mestore-relay token create&apos;). Without a relay, MeStore asks Wompi with the private key.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="340"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="344"/>
        <source>Los datos del comercio salen en los recibos y en el cierre del día.</source>
        <translation>The store&apos;s details are printed on receipts and on the day close.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="347"/>
        <source>Comercio</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="352"/>
        <source>Todo lo anterior quedó guardado. MeStore verifica ahora la instalación con las llaves y el relay guardados; una comprobación en rojo dice qué hacer. Puede volver Atrás para corregir y verificar de nuevo.</source>
        <translation>Everything before is saved. MeStore now verifies the installation with the saved keys and relay; a red check says what to do. You can go Back to correct it and verify again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="358"/>
        <source>Verificación</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="419"/>
        <source>Paso {number} de {total}: {title}</source>
        <translation>Step {number} of {total}: {title}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="425"/>
        <source>&amp;Terminar</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="426"/>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="448"/>
        <source>Asistente terminado.</source>
        <translation>Assistant finished.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="448"/>
        <source>Asistente cerrado.</source>
        <translation>Assistant closed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="450"/>
        <source>Quedó guardado: {items}.</source>
        <translation>Saved: {items}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="452"/>
        <source>No se guardó nada.</source>
        <translation>Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="454"/>
        <source>Lo del paso «{step}» sin pulsar Siguiente no se guardó.</source>
        <translation>What was in the step “{step}” without pressing Next was not saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="526"/>
        <source>No se guardó nada de este paso; corrija lo marcado.</source>
        <translation>Nothing from this step was saved; correct what is marked.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="536"/>
        <source>Guardado: {items}.</source>
        <translation>Saved: {items}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="555"/>
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="555"/>
        <source>Sin configurar</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="559"/>
        <source>Vacío: se conserva el guardado</source>
        <translation>Empty: the saved one is kept</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/first_run.py" line="561"/>
        <source>Escriba o pegue el valor</source>
        <translation>Type or paste the value</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/header.py" line="27"/>
        <source>MeStore (sin nombre de comercio)</source>
        <translation>MeStore (no store name)</translation>
    </message>
</context>
<context>
    <name>HostBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/host_bar.py" line="77"/>
        <source>sin cifrar</source>
        <translation>not encrypted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/host_bar.py" line="89"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/host_bar.py" line="108"/>
        <source>Sin página cargada</source>
        <translation>No page loaded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/host_bar.py" line="110"/>
        <source>Conexión cifrada con %1</source>
        <translation>Encrypted connection to %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/host_bar.py" line="112"/>
        <source>Conexión sin cifrar con %1</source>
        <translation>Unencrypted connection to %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../mestore_desktop/ui/i18n.py" line="288"/>
        <source>Español</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/i18n.py" line="289"/>
        <source>Inglés</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>LateApprovalAlert</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="33"/>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="55"/>
        <source>¡Pago aprobado después de cancelar!</source>
        <translation>Payment approved after cancelling!</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="35"/>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="36"/>
        <source>Entendido</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="58"/>
        <source>El pedido %1 se canceló en la caja, pero Wompi aprobó el pago de %2 (referencia %3). Entregue la compra al cliente o haga la devolución.</source>
        <translation>Order %1 was cancelled at the counter, but Wompi approved the payment of %2 (reference %3). Hand the purchase to the customer or issue a refund.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="69"/>
        <source>¡Pago doble!</source>
        <translation>Duplicate payment!</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="72"/>
        <source>Pago doble: el pedido %1 se pagó dos veces, %2 cada vez: %3 y %4. Devuelva uno de los dos pagos desde el panel de comercios de Wompi (o el efectivo, si uno fue en efectivo) y entregue la compra una sola vez.</source>
        <translation>Duplicate payment: order %1 was paid twice, %2 each time: %3 and %4. Refund one of the two payments from Wompi&apos;s merchant dashboard (or hand back the cash, if one was paid in cash) and hand over the purchase only once.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="85"/>
        <source>en efectivo (referencia %1)</source>
        <translation>in cash (reference %1)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/late_approval.py" line="87"/>
        <source>con Wompi (referencia %1, transacción %2)</source>
        <translation>with Wompi (reference %1, transaction %2)</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="129"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="130"/>
        <source>Precio unitario (IVA incluido)</source>
        <translation>Unit price (VAT included)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="131"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="132"/>
        <source>Cantidad</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="133"/>
        <source>Total de la línea</source>
        <translation>Line total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="147"/>
        <source>El precio debe ser mayor que cero.</source>
        <translation>The price must be greater than zero.</translation>
    </message>
</context>
<context>
    <name>LinkCreation</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/creation.py" line="27"/>
        <source>Creando link…</source>
        <translation>Creating link…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/creation.py" line="73"/>
        <source>No se creó el link. %1</source>
        <translation>The link was not created. %1</translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="81"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="169"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="81"/>
        <source>Lo ve el cliente al pagar</source>
        <translation>The customer sees it when paying</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="83"/>
        <source>Máximo %1 caracteres: Wompi lo muestra como título del pago.</source>
        <translation>At most %1 characters: Wompi shows it as the payment&apos;s title.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="87"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="170"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="87"/>
        <source>Qué está pagando</source>
        <translation>What is being paid for</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="88"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="89"/>
        <source>Monto fijo</source>
        <translation>Fixed amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="90"/>
        <source>Monto abierto (lo escribe el cliente)</source>
        <translation>Open amount (the customer types it)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="91"/>
        <source>Monto abierto</source>
        <translation>Open amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="95"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="171"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="98"/>
        <source>Un solo uso</source>
        <translation>Single use</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="99"/>
        <source>El link deja de aceptar pagos después del primero.</source>
        <translation>The link stops taking payments after the first one.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="100"/>
        <source>Vence</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="104"/>
        <source>Fecha y hora de vencimiento</source>
        <translation>Expiry date and time</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="105"/>
        <source>Hora de Colombia</source>
        <translation>Colombia time</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="107"/>
        <source>(Colombia)</source>
        <translation>(Colombia)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="109"/>
        <source>Pedir dirección de envío</source>
        <translation>Ask for a shipping address</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="111"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="176"/>
        <source>URL de retorno</source>
        <translation>Return URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="111"/>
        <source>Opcional: https://mitienda.co/gracias</source>
        <translation>Optional: https://mystore.co/thanks</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="114"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="177"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="114"/>
        <source>Opcional, máximo %1</source>
        <translation>Optional, at most %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="119"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="178"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="120"/>
        <source>No indicar</source>
        <translation>Do not state</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="237"/>
        <source>Para el pedido %1</source>
        <translation>For order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="319"/>
        <source>Escriba el valor del link, o elija «Monto abierto» si lo pone el cliente.</source>
        <translation>Type the link&apos;s amount, or choose &quot;Open amount&quot; if the customer sets it.</translation>
    </message>
</context>
<context>
    <name>LinkResultPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="84"/>
        <source>URL del link</source>
        <translation>Link URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="86"/>
        <source>Código QR del link</source>
        <translation>Link QR code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="87"/>
        <location filename="../../mestore_desktop/ui/links/result.py" line="188"/>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="88"/>
        <source>Compartir por WhatsApp</source>
        <translation>Share on WhatsApp</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="89"/>
        <source>Enviar por correo</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="90"/>
        <source>Guardar QR (PNG)</source>
        <translation>Save QR (PNG)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="91"/>
        <source>Guardar QR (SVG)</source>
        <translation>Save QR (SVG)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="142"/>
        <source>Monto: %1</source>
        <translation>Amount: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="143"/>
        <source>Un solo uso</source>
        <translation>Single use</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="143"/>
        <source>Varios pagos</source>
        <translation>Several payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="147"/>
        <source>Pedido %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="159"/>
        <source>Este link ya no acepta pagos: cree uno nuevo para cobrar.</source>
        <translation>This link no longer takes payments: create a new one to charge.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="166"/>
        <source>El correo no está configurado: complete Ajustes › Correo.</source>
        <translation>E-mail is not set up: fill in Settings › E-mail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="183"/>
        <source>✔ Copiado</source>
        <translation>✔ Copied</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="185"/>
        <source>Copiado: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="201"/>
        <source>Se abrió WhatsApp con el mensaje listo; elija el chat y envíelo.</source>
        <translation>WhatsApp opened with the message ready; pick the chat and send it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="205"/>
        <source>No se pudo abrir WhatsApp en este equipo. Copie el link y péguelo en el chat.</source>
        <translation>WhatsApp could not be opened on this computer. Copy the link and paste it into the chat.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="217"/>
        <source>Enviar link por correo</source>
        <translation>Send link by e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="218"/>
        <source>Correo del cliente:</source>
        <translation>Customer e-mail:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="220"/>
        <source>Enviar</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="221"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="224"/>
        <source>Correo del cliente</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="238"/>
        <source>Enviando el link a %1…</source>
        <translation>Sending the link to %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="242"/>
        <source>El link se envió a %1.</source>
        <translation>The link was sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="254"/>
        <source>Guardar código QR</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="259"/>
        <source>Imagen SVG (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="261"/>
        <source>Imagen PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="275"/>
        <source>QR guardado en %1</source>
        <translation>QR saved to %1</translation>
    </message>
</context>
<context>
    <name>LinkSharing</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/sharing.py" line="31"/>
        <source>No se pudo guardar el QR en %1: %2.</source>
        <translation>The QR could not be saved to %1: %2.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/sharing.py" line="67"/>
        <source>Link de pago: %1</source>
        <translation>Payment link: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/sharing.py" line="78"/>
        <source>También puede pagar escaneando el código QR adjunto con su celular.</source>
        <translation>You can also pay by scanning the attached QR code with your phone.</translation>
    </message>
</context>
<context>
    <name>LinkWords</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="37"/>
        <source>Activo</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="38"/>
        <source>Desactivado</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="39"/>
        <source>Vencido</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="40"/>
        <source>Pagado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="62"/>
        <source>1 pago</source>
        <translation>1 payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="64"/>
        <source>{n} pagos</source>
        <translation>{n} payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="67"/>
        <source>1 pago de {total}</source>
        <translation>1 payment of {total}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="71"/>
        <source>{n} pagos, {total}</source>
        <translation>{n} payments, {total}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="78"/>
        <source>Abierto</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="85"/>
        <source>Vence en menos de 1 min</source>
        <translation>Expires in less than 1 min</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="87"/>
        <source>Vence en {m} min</source>
        <translation>Expires in {m} min</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="88"/>
        <source>Vence en {h} h {m:02d} min</source>
        <translation>Expires in {h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="96"/>
        <source>Sin vencimiento</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="100"/>
        <source>Venció {when}</source>
        <translation>Expired {when}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/words.py" line="101"/>
        <source>Venció el {when}</source>
        <translation>Expired on {when}</translation>
    </message>
</context>
<context>
    <name>LinksListPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="44"/>
        <source>Buscar link</source>
        <translation>Search links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="45"/>
        <source>Buscar por nombre, pedido o id…</source>
        <translation>Search by name, order or id…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="48"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="49"/>
        <source>Todos los estados</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="51"/>
        <source>Activos</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="52"/>
        <source>Pagados</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="53"/>
        <source>Vencidos</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="54"/>
        <source>Desactivados</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="63"/>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="64"/>
        <source>Actualizar desde Wompi</source>
        <translation>Update from Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="66"/>
        <source>Lee de Wompi el estado de cada link (activo o desactivado) y sus pagos.</source>
        <translation>Reads each link&apos;s state (active or deactivated) and its payments from Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="68"/>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="69"/>
        <source>Desactivar…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="80"/>
        <source>Lista de links</source>
        <translation>List of links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="194"/>
        <source>Elija un link de la lista.</source>
        <translation>Choose a link from the list.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="196"/>
        <source>Apaga el link en Wompi: nadie más podrá pagar con él.</source>
        <translation>Switches the link off at Wompi: nobody else can pay with it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_view.py" line="198"/>
        <source>Este link ya no acepta pagos.</source>
        <translation>This link no longer takes payments.</translation>
    </message>
</context>
<context>
    <name>LinksTableModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_model.py" line="48"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_model.py" line="49"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_model.py" line="50"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_model.py" line="51"/>
        <source>Vence</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/list_model.py" line="52"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
</context>
<context>
    <name>MailPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="55"/>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="56"/>
        <source>Enviar correo de prueba</source>
        <translation>Send test e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="59"/>
        <source>La prueba envía un correo al remitente con los ajustes guardados.</source>
        <translation>The test sends an e-mail to the sender address using the saved settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="61"/>
        <source>Resultado de la prueba de correo</source>
        <translation>Test e-mail result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="86"/>
        <source>Guarde los ajustes antes de probar: la prueba usa los ajustes guardados.</source>
        <translation>Save the settings before testing: the test uses the saved settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="98"/>
        <source>Enviando un correo de prueba a {address}…</source>
        <translation>Sending a test e-mail to {address}…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="115"/>
        <source>Listo: se envió un correo de prueba a {address}. Revise esa bandeja.</source>
        <translation>Done: a test e-mail was sent to {address}. Check that inbox.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="125"/>
        <source>No se envió el correo de prueba.</source>
        <translation>The test e-mail was not sent.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="92"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="241"/>
        <source>Modo DEMO: los pagos van a un sandbox local de Wompi con llaves de prueba; no se mueve dinero real y los pedidos se guardan aparte.</source>
        <translation>DEMO mode: payments go to a local Wompi sandbox with test keys; no real money moves and orders are kept separately.</translation>
    </message>
</context>
<context>
    <name>NavigationSidebar</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/navigation.py" line="29"/>
        <source>Navegación</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="53"/>
        <source>Este pedido no tiene pagos.</source>
        <translation>This order has no payments.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="55"/>
        <source>Es un pago en efectivo: no pasó por Wompi. Devuelva el efectivo en la caja y deje la nota en el cierre del día.</source>
        <translation>It is a cash payment: it never went through Wompi. Give the cash back at the till and note it in the day close.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="61"/>
        <source>El pago ya está anulado.</source>
        <translation>The payment is already voided.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="62"/>
        <source>Solo se puede anular un pago aprobado; este pedido no tiene ninguno.</source>
        <translation>Only an approved payment can be voided; this order has none.</translation>
    </message>
</context>
<context>
    <name>OrderActionsBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="80"/>
        <source>Consultar en Wompi</source>
        <translation>Check with Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="81"/>
        <source>Anular…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="83"/>
        <source>Reimprimir</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="84"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="85"/>
        <source>Reenviar</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="86"/>
        <source>Crear link…</source>
        <translation>Create link…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="120"/>
        <source>Pregunta a Wompi ahora por cada pago de este pedido (F5).</source>
        <translation>Asks Wompi now about every payment of this order (F5).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="122"/>
        <source>Este pedido no tiene pagos con Wompi.</source>
        <translation>This order has no Wompi payments.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="130"/>
        <source>Solo los pedidos pagados tienen recibo.</source>
        <translation>Only paid orders have a receipt.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="132"/>
        <source>Imprime el recibo otra vez (Ctrl+P).</source>
        <translation>Prints the receipt again (Ctrl+P).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="134"/>
        <source>Guarda el recibo en PDF.</source>
        <translation>Saves the receipt as a PDF.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="136"/>
        <source>Envía el recibo por correo (Ctrl+E).</source>
        <translation>E-mails the receipt (Ctrl+E).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="140"/>
        <source>El correo no está configurado: complete Ajustes › Correo.</source>
        <translation>E-mail is not set up: fill in Settings › E-mail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="150"/>
        <source>Crea un link de pago de Wompi por el total del pedido.</source>
        <translation>Creates a Wompi payment link for the order&apos;s total.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="152"/>
        <source>Solo un pedido sin pagar puede cobrarse con un link.</source>
        <translation>Only an unpaid order can be charged with a link.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/actions.py" line="157"/>
        <source>Anula el pago con tarjeta en Wompi.</source>
        <translation>Voids the card payment at Wompi.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="45"/>
        <source>Detalle del pedido</source>
        <translation>Order detail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="58"/>
        <source>Elija un pedido de la lista para ver su detalle.</source>
        <translation>Choose an order in the list to see its detail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="80"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="81"/>
        <source>Productos</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="82"/>
        <source>Pagos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="85"/>
        <source>Historial de estados</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="114"/>
        <source>Pedido %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="117"/>
        <source>%1 · Terminal %2</source>
        <translation>%1 · Terminal %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="136"/>
        <source>Sin datos del cliente.</source>
        <translation>No customer data.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="153"/>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="183"/>
        <source>IVA %1 %</source>
        <translation>VAT %1 %</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="156"/>
        <source>descuento %1</source>
        <translation>discount %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="179"/>
        <source>Descuentos</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="182"/>
        <source>Base IVA %1 %</source>
        <translation>VAT %1 % base</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="184"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="193"/>
        <source>Este pedido no tiene pagos.</source>
        <translation>This order has no payments.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="222"/>
        <source>Creado %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="225"/>
        <source>Link de pago: %1</source>
        <translation>Payment link: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="228"/>
        <source>Transacción %1 · %2</source>
        <translation>Transaction %1 · %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="234"/>
        <source>Transacción %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/detail_pane.py" line="239"/>
        <source>Cancelado en caja %1 (se siguió vigilando)</source>
        <translation>Cancelled at the counter %1 (still watched)</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="42"/>
        <source>Abierto</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="43"/>
        <source>Esperando pago</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="44"/>
        <source>Pagado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="45"/>
        <source>Pago fallido</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="46"/>
        <source>Cancelado</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="47"/>
        <source>Anulado</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>OrderTimeline</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="45"/>
        <source>Caja</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="46"/>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="47"/>
        <source>Consulta</source>
        <translation>Query</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="48"/>
        <source>Búsqueda en Wompi</source>
        <translation>Wompi search</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="49"/>
        <source>Conciliación</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="50"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="51"/>
        <source>Sistema</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="93"/>
        <source>Pago tras cancelar: visto</source>
        <translation>Payment after cancel: seen</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="96"/>
        <source>Pago doble detectado</source>
        <translation>Duplicate payment detected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="97"/>
        <source>Pago doble: visto</source>
        <translation>Duplicate payment: seen</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="100"/>
        <source>Aprobado después de cancelar</source>
        <translation>Approved after cancelling</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="103"/>
        <source>Conflicto con Wompi</source>
        <translation>Conflict with Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="104"/>
        <source>Cobro vencido</source>
        <translation>Checkout expired</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="105"/>
        <source>Fin de la vigilancia del pago</source>
        <translation>Payment no longer watched</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="108"/>
        <source>Resuelto en conciliación</source>
        <translation>Resolved in reconciliation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="111"/>
        <source>Anulación pedida a Wompi</source>
        <translation>Void requested from Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="114"/>
        <source>Pago anulado</source>
        <translation>Payment voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="115"/>
        <source>Anulación fallida</source>
        <translation>Void failed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="116"/>
        <source>Anulación sin confirmar</source>
        <translation>Void not confirmed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="123"/>
        <source>Anulación</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="222"/>
        <source>Historial de estados</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="235"/>
        <source>Sin cambios de estado registrados.</source>
        <translation>No status changes recorded.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="311"/>
        <source>Por %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="319"/>
        <source>transacción %1</source>
        <translation>transaction %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="331"/>
        <source>Motivo: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>OrdersExport</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/export.py" line="55"/>
        <source>Exportar pedidos a CSV</source>
        <translation>Export orders to CSV</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/export.py" line="59"/>
        <source>CSV para Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
</context>
<context>
    <name>OrdersFilterBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="62"/>
        <source>Todas las fechas</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="63"/>
        <source>Hoy</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="64"/>
        <source>Ayer</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="65"/>
        <source>Últimos 7 días</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="66"/>
        <source>Este mes</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="67"/>
        <source>Rango de fechas…</source>
        <translation>Date range…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="107"/>
        <source>Limpiar filtros</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="108"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="176"/>
        <source>Fechas</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="111"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="177"/>
        <source>Desde</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="112"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="178"/>
        <source>Hasta</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="113"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="181"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="114"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="183"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="115"/>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="185"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="143"/>
        <source>Buscar pedidos</source>
        <translation>Search orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="145"/>
        <source>Buscar: referencia, transacción, correo o nombre  (Ctrl+F)</source>
        <translation>Search: reference, transaction, e-mail or name  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="161"/>
        <source>Todos los estados</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="234"/>
        <source>Todas las terminales</source>
        <translation>All terminals</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="241"/>
        <source>Todos los medios</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="242"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="243"/>
        <source>Wompi (todos)</source>
        <translation>Wompi (all)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="247"/>
        <source>Wompi · %1</source>
        <translation>Wompi · %1</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="108"/>
        <source>Pedidos</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="158"/>
        <source>Lista de pedidos</source>
        <translation>Order list</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="208"/>
        <source>Cargando pedidos</source>
        <translation>Loading orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="209"/>
        <source>Cargando pedidos…</source>
        <translation>Loading orders…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="211"/>
        <source>Exportar CSV…  Ctrl+S</source>
        <translation>Export CSV…  Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="212"/>
        <source>Exportar CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="214"/>
        <source>Guarda los pedidos que coinciden con los filtros en un archivo para Excel.</source>
        <translation>Saves the orders matching the filters in a file for Excel.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="217"/>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="218"/>
        <source>Cierre del día</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="220"/>
        <source>Totales esperados, efectivo contado y pendientes de esta terminal en el día.</source>
        <translation>This terminal&apos;s expected totals, counted cash and pending payments for the day.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="267"/>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="268"/>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="454"/>
        <source>No se pudieron leer las terminales y medios de pago: %1</source>
        <translation>Could not read the terminals and payment methods: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="462"/>
        <source>No se pudieron cargar los pedidos: %1</source>
        <translation>Could not load the orders: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="486"/>
        <source>Ningún pedido coincide con los filtros. Pruebe otras fechas u otra búsqueda, o use «Limpiar filtros».</source>
        <translation>No order matches the filters. Try other dates or another search, or use “Clear filters”.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="490"/>
        <source>Todavía no hay ventas. Las ventas de la Caja aparecerán aquí con su estado de pago, que se actualiza solo cuando Wompi confirma.</source>
        <translation>No sales yet. Sales from the counter will appear here with their payment status, which updates by itself when Wompi confirms.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="496"/>
        <source>1 pedido cargado</source>
        <translation>1 order loaded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="498"/>
        <source>%1 pedidos cargados</source>
        <translation>%1 orders loaded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="500"/>
        <source> · baje para ver más</source>
        <translation> · scroll down for more</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="525"/>
        <source>Elija un pedido de la lista para ver su detalle.</source>
        <translation>Choose an order in the list to see its detail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="544"/>
        <source>Cargando el pedido %1…</source>
        <translation>Loading order %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="558"/>
        <source>El pedido %1 ya no existe en esta base de datos.</source>
        <translation>Order %1 no longer exists in this database.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="572"/>
        <source>No se pudo leer el pedido %1: %2</source>
        <translation>Could not read order %1: %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="587"/>
        <source>Consultando el pedido %1 en Wompi…</source>
        <translation>Checking order %1 with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="600"/>
        <source>Wompi no tiene cambios para el pedido %1: el estado aquí está al día.</source>
        <translation>Wompi has no changes for order %1: the status here is up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="605"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="615"/>
        <source>Wompi cambió el pedido %1:</source>
        <translation>Wompi changed order %1:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="644"/>
        <source>Consultando en Wompi si el pago se puede anular…</source>
        <translation>Asking Wompi whether the payment can be voided…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="673"/>
        <source>No se puede anular</source>
        <translation>Cannot be voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="691"/>
        <source>Anulando el pago %1 en Wompi…</source>
        <translation>Voiding payment %1 at Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="704"/>
        <source>Pago %1 anulado: %2.</source>
        <translation>Payment %1 voided: %2.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="746"/>
        <source>El pedido %1 no tiene un pago aprobado: no hay recibo.</source>
        <translation>Order %1 has no approved payment: there is no receipt.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="779"/>
        <source>Exportando pedidos a %1…</source>
        <translation>Exporting orders to %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="813"/>
        <source>Se exportó 1 pedido a %1</source>
        <translation>1 order exported to %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="815"/>
        <source>Se exportaron %2 pedidos a %1</source>
        <translation>%2 orders exported to %1</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="97"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="98"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="99"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="100"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="101"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="102"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="103"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="175"/>
        <source>Clic para ordenar por esta columna</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="522"/>
        <source>Link · %1</source>
        <translation>Link · %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="531"/>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="38"/>
        <source>Pagar aquí (Wompi)</source>
        <translation>Pay here (Wompi)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="39"/>
        <source>QR al celular (Wompi)</source>
        <translation>QR to phone (Wompi)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="40"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="41"/>
        <source>Pago con Wompi pendiente de una sesión anterior</source>
        <translation>Wompi payment pending from an earlier session</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="58"/>
        <source>Cobro</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="67"/>
        <source>Cancelar cobro</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="70"/>
        <source>Verificar ahora</source>
        <translation>Check now</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="72"/>
        <source>Mostrar QR</source>
        <translation>Show QR</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/dialog.py" line="139"/>
        <source>Referencia: %1</source>
        <translation>Reference: %1</translation>
    </message>
</context>
<context>
    <name>PaymentFlow</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="202"/>
        <source>Registrando el pago en efectivo…</source>
        <translation>Recording the cash payment…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="244"/>
        <source>No se pudo abrir el pago de Wompi. Si el cliente no alcanzó a pagar, cancele y cobre con QR o efectivo; si pagó, MeStore lo confirmará solo.</source>
        <translation>Wompi&apos;s payment page could not be opened. If the customer did not get to pay, cancel and charge by QR or cash; if they paid, MeStore will confirm it by itself.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="250"/>
        <source>Confirmando con Wompi…</source>
        <translation>Confirming with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="314"/>
        <source>El tiempo para pagar terminó sin un pago. Si el cliente alcanzó a pagar, MeStore lo detectará y le avisará.</source>
        <translation>The time to pay ran out without a payment. If the customer did manage to pay, MeStore will detect it and tell you.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="321"/>
        <source>El tiempo para pagar terminó.</source>
        <translation>The time to pay has run out.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="371"/>
        <source>Cancelar cobro</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="373"/>
        <source>¿Cancelar este cobro? Si el cliente alcanza a pagar, MeStore lo detectará y le avisará.</source>
        <translation>Cancel this payment? If the customer still manages to pay, MeStore will detect it and alert you.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="381"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="382"/>
        <source>Sí, cancelar</source>
        <translation>Yes, cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="383"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="384"/>
        <source>No, seguir esperando</source>
        <translation>No, keep waiting</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="457"/>
        <source>Transacción Wompi: %1</source>
        <translation>Wompi transaction: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="317"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="462"/>
        <source>Referencia: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="120"/>
        <source>Pago pendiente de una sesión anterior. MeStore lo sigue verificando con Wompi; puede verificarlo ahora o mostrar el QR al cliente otra vez.</source>
        <translation>Payment pending from an earlier session. MeStore keeps checking it with Wompi; you can check it now or show the QR to the customer again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="135"/>
        <source>Consultando a Wompi…</source>
        <translation>Asking Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="149"/>
        <source>Wompi aún no tiene un pago terminado con esta referencia. MeStore sigue verificando; si el cliente no va a pagar, cancele.</source>
        <translation>Wompi has no finished payment with this reference yet. MeStore keeps checking; if the customer is not going to pay, cancel.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="467"/>
        <source>Recibido: %1</source>
        <translation>Received: %1</translation>
    </message>
</context>
<context>
    <name>PaymentLinksPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="74"/>
        <source>Links de pago</source>
        <translation>Payment links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="102"/>
        <source>Nuevo link  Ctrl+N</source>
        <translation>New link  Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="103"/>
        <source>Nuevo link</source>
        <translation>New link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="141"/>
        <source>Elija un link de la lista para ver su QR y compartirlo, o pulse «Nuevo link» para cobrar a un cliente que no está en la tienda: le llega por WhatsApp o por correo y paga con tarjeta, Nequi o PSE.</source>
        <translation>Choose a link from the list to see its QR and share it, or press &quot;New link&quot; to charge a customer who is not in the shop: it reaches them by WhatsApp or e-mail and they pay by card, Nequi or PSE.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="154"/>
        <source>Nuevo link de pago</source>
        <translation>New payment link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="160"/>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="161"/>
        <source>Crear link</source>
        <translation>Create link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="163"/>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="164"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="229"/>
        <source>No se pudo leer la lista de links.</source>
        <translation>The list of links could not be read.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="252"/>
        <source>1 link</source>
        <translation>1 link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="252"/>
        <source>%1 links</source>
        <translation>%1 links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="262"/>
        <source>Ningún link coincide con la búsqueda o el estado elegido.</source>
        <translation>No link matches the search or the chosen status.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="264"/>
        <source>Todavía no hay links. Pulse «Nuevo link» (Ctrl+N), o cree uno para una venta desde la Caja (Link de pago, F7) o desde Pedidos (Crear link…).</source>
        <translation>No links yet. Press &quot;New link&quot; (Ctrl+N), or create one for a sale from the Till (Payment link, F7) or from Orders (Create link…).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="292"/>
        <source>Consultando los links en Wompi…</source>
        <translation>Checking the links with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="296"/>
        <source>Links actualizados desde Wompi (%1).</source>
        <translation>Links updated from Wompi (%1).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="304"/>
        <source>No se pudo consultar Wompi.</source>
        <translation>Wompi could not be checked.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="342"/>
        <source>Link creado: %1</source>
        <translation>Link created: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="364"/>
        <source>Desactivar link</source>
        <translation>Deactivate link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="366"/>
        <source>«%1» dejará de aceptar pagos en Wompi. Quien ya tenga el link verá que no está disponible. Queda en el registro de auditoría.</source>
        <translation>&quot;%1&quot; will stop taking payments at Wompi. Whoever already has the link will see it is not available. It is kept in the audit log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="370"/>
        <source>Desactivar</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="381"/>
        <source>Desactivando «%1» en Wompi…</source>
        <translation>Deactivating &quot;%1&quot; at Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="384"/>
        <source>Link desactivado: %1</source>
        <translation>Link deactivated: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="394"/>
        <source>El link sigue activo.</source>
        <translation>The link is still active.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="61"/>
        <source>Aquí crearás links de pago de Wompi para cobrar a distancia y verás cuáles ya se pagaron.</source>
        <translation>Here you will create Wompi payment links to charge remotely and see which were paid.</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="80"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="81"/>
        <source>Tarjeta</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="86"/>
        <source>Corresponsal Bancolombia</source>
        <translation>Bancolombia agent</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="89"/>
        <source>Compra y paga después Bancolombia</source>
        <translation>Bancolombia Buy Now, Pay Later</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="64"/>
        <source>Pendiente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="65"/>
        <source>Aprobado</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="66"/>
        <source>Rechazado</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="67"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/timeline.py" line="68"/>
        <source>Anulado</source>
        <translation>Voided</translation>
    </message>
</context>
<context>
    <name>PaymentStatusWord</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="76"/>
        <source>— sin registro</source>
        <translation>— no record</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="78"/>
        <source>✔ Aprobado</source>
        <translation>✔ Approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="79"/>
        <source>◔ Pendiente</source>
        <translation>◔ Pending</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="80"/>
        <source>✖ Rechazado</source>
        <translation>✖ Declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="81"/>
        <source>⚠ Error</source>
        <translation>⚠ Error</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="82"/>
        <source>↺ Anulado</source>
        <translation>↺ Voided</translation>
    </message>
</context>
<context>
    <name>PendingBanner</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/pending_banner.py" line="18"/>
        <source>Pagos pendientes</source>
        <translation>Pending payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/pending_banner.py" line="29"/>
        <source>1 pago pendiente — ver</source>
        <translation>1 pending payment — view</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/pending_banner.py" line="31"/>
        <source>%1 pagos pendientes — ver</source>
        <translation>%1 pending payments — view</translation>
    </message>
</context>
<context>
    <name>ProductSearch</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="99"/>
        <source>Sin catálogo de productos: use Monto libre (F4)</source>
        <translation>No product catalogue: use Free amount (F4)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="101"/>
        <source>Buscar producto o escanear código  (F2)</source>
        <translation>Search a product or scan a code  (F2)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="102"/>
        <source>Buscar producto o escanear código</source>
        <translation>Search a product or scan a code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="112"/>
        <source>Resultados de la búsqueda</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="222"/>
        <source>No hay catálogo de productos; use Monto libre (F4).</source>
        <translation>There is no product catalogue; use Free amount (F4).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="259"/>
        <source>No hay ningún producto con el código «%1».</source>
        <translation>No product has the code “%1”.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="266"/>
        <source>No se pudo consultar el catálogo; intente de nuevo.</source>
        <translation>The catalogue could not be read; try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="319"/>
        <source>Ningún producto coincide con «%1».</source>
        <translation>No product matches “%1”.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/product_search.py" line="330"/>
        <source>No se pudo buscar en el catálogo; intente de nuevo.</source>
        <translation>The catalogue search failed; try again.</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="30"/>
        <source>Progreso de la conciliación</source>
        <translation>Reconciliation progress</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="33"/>
        <source>Progreso</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="34"/>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="35"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="36"/>
        <source>Detener la consulta a Wompi (Esc)</source>
        <translation>Stop asking Wompi (Esc)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="51"/>
        <source>Consultando Wompi…</source>
        <translation>Asking Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/progress.py" line="54"/>
        <source>Página {pages} · {n} transacciones</source>
        <translation>Page {pages} · {n} transactions</translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="37"/>
        <source>Código QR del pago</source>
        <translation>Payment QR code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="40"/>
        <source>Escanea con la cámara de tu celular y paga desde allí.</source>
        <translation>Scan with your phone camera and pay from there.</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <location filename="../../mestore_desktop/ui/qr.py" line="96"/>
        <source>Código QR para pagar con el celular</source>
        <translation>QR code to pay with a phone</translation>
    </message>
</context>
<context>
    <name>QueueRowsModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="40"/>
        <source>✔ Estado de Wompi aplicado</source>
        <translation>✔ Wompi&apos;s status applied</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="43"/>
        <source>✔ Resuelta</source>
        <translation>✔ Resolved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="63"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="64"/>
        <source>Transacción</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="66"/>
        <source>Estado
en Wompi</source>
        <translation>Status
at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="67"/>
        <source>Estado
local</source>
        <translation>Local
status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="68"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="69"/>
        <source>Monto
en MeStore</source>
        <translation>Amount
in MeStore</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="70"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="71"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="72"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="73"/>
        <source>Detalle</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="74"/>
        <source>Gestión</source>
        <translation>Handled</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="61"/>
        <source>Detalle de la fila</source>
        <translation>Row detail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="64"/>
        <source>Nada en esta cola para estos días.</source>
        <translation>Nothing in this queue for these days.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="86"/>
        <source>Filas de {queue}</source>
        <translation>Rows of {queue}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="118"/>
        <source>Aplicar estado de Wompi</source>
        <translation>Apply Wompi&apos;s status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="120"/>
        <source>Marcar como resuelta</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="131"/>
        <source>(aprobado: {amount})</source>
        <translation>(approved: {amount})</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="158"/>
        <source>Seleccione en la tabla las filas que ya resolvió.</source>
        <translation>Select in the table the rows you have resolved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="168"/>
        <source>Detalle: {detail}</source>
        <translation>Detail: {detail}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="182"/>
        <source>Se aplica a las filas seleccionadas, o a todas si no hay ninguna.</source>
        <translation>Applies to the selected rows, or to all of them when none is selected.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="185"/>
        <source>Se aplica a las filas seleccionadas.</source>
        <translation>Applies to the selected rows.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="46"/>
        <source>Quién: {actor}</source>
        <translation>Who: {actor}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="47"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="47"/>
        <source>Motivo (opcional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="60"/>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="61"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/reason_dialog.py" line="75"/>
        <source>Escriba el motivo: queda en el registro de auditoría.</source>
        <translation>Write the reason: it is kept in the audit log.</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="158"/>
        <source>Recibo enviado a %1.</source>
        <translation>Receipt sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="169"/>
        <source>Guardar recibo</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="173"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="190"/>
        <source>Recibo guardado en %1</source>
        <translation>Receipt saved in %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="201"/>
        <source>Enviar recibo por correo</source>
        <translation>E-mail receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="203"/>
        <source>Correo del cliente:</source>
        <translation>Customer e-mail:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="206"/>
        <source>Enviar</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="207"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="236"/>
        <source>Recibo</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="269"/>
        <source>Correo del cliente</source>
        <translation>Customer&apos;s e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="223"/>
        <source>El recibo se envió a %1.</source>
        <translation>The receipt was sent to %1.</translation>
    </message>
</context>
<context>
    <name>ReconciliationExport</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/export.py" line="41"/>
        <source>Exportar CSV a…</source>
        <translation>Export CSV to…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/export.py" line="65"/>
        <source>Se guardó 1 archivo CSV en {folder}.</source>
        <translation>1 CSV file saved in {folder}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/export.py" line="69"/>
        <source>Se guardaron {n} archivos CSV en {folder}.</source>
        <translation>{n} CSV files saved in {folder}.</translation>
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="81"/>
        <source>Conciliación</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="114"/>
        <source>Cierre del día</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="119"/>
        <source>Conciliar</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="120"/>
        <source>Consultar Wompi y comparar (Enter)</source>
        <translation>Ask Wompi and compare (Enter)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="124"/>
        <source>Exportar CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="142"/>
        <source>Elija los días y pulse Conciliar: MeStore traerá de Wompi cada transacción de esos días y la comparará con sus ventas. Necesita la llave privada de Wompi (Ajustes › Secretos).</source>
        <translation>Choose the days and press Reconcile: MeStore fetches every Wompi transaction of those days and compares it with your sales. It needs the Wompi private key (Settings › Secrets).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="177"/>
        <source>Colas de conciliación</source>
        <translation>Reconciliation queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="185"/>
        <source>Totales por medio y día</source>
        <translation>Totals by method and day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="238"/>
        <source>Conciliación cancelada: no se cambió nada. Pulse Conciliar para empezar de nuevo.</source>
        <translation>Reconciliation cancelled: nothing was changed. Press Reconcile to start again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="258"/>
        <source>Conciliado del {first} al {last}: {open} por revisar.</source>
        <translation>Reconciled from {first} to {last}: {open} to review.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="322"/>
        <source>Aplicar estado de Wompi</source>
        <translation>Apply Wompi&apos;s status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="324"/>
        <source>Se aplicará a {n} pago(s) el estado final que Wompi ya tiene (aprobado, rechazado…). Queda en el registro de auditoría.</source>
        <translation>The final status Wompi already has (approved, declined…) will be applied to {n} payment(s). It is kept in the audit log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="328"/>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="330"/>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="352"/>
        <source>Estado final confirmado en Wompi al conciliar.</source>
        <translation>Final status confirmed at Wompi while reconciling.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="336"/>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="342"/>
        <source>Marcar como resuelta</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="338"/>
        <source>{n} fila(s) de «{queue}» quedarán marcadas como resueltas, con su motivo, en el registro de auditoría.</source>
        <translation>{n} row(s) of “{queue}” will be marked as resolved, with the reason, in the audit log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="357"/>
        <source>Se aplicó el estado de Wompi a {n} pago(s).</source>
        <translation>Wompi&apos;s status was applied to {n} payment(s).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="388"/>
        <source>{n} fila(s) marcadas como resueltas.</source>
        <translation>{n} row(s) marked as resolved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="61"/>
        <source>Aquí compararás tus ventas con las transacciones de Wompi de un rango de fechas para encontrar pagos pendientes, montos distintos o cobros dobles.</source>
        <translation>Here you will compare your sales with Wompi&apos;s transactions for a date range to find pending payments, mismatched amounts or double charges.</translation>
    </message>
</context>
<context>
    <name>ReconciliationQueue</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="16"/>
        <source>Conciliadas</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="17"/>
        <source>Pendientes resueltas en Wompi</source>
        <translation>Pending, settled at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="20"/>
        <source>Montos distintos</source>
        <translation>Different amounts</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="23"/>
        <source>Sin pedido</source>
        <translation>No order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="24"/>
        <source>Pagadas sin Wompi</source>
        <translation>Paid without Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="27"/>
        <source>Pago doble</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="28"/>
        <source>Aprobado tras cancelar</source>
        <translation>Approved after cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="38"/>
        <source>Pagos que coinciden en MeStore y en Wompi: mismo estado, monto y moneda.</source>
        <translation>Payments MeStore and Wompi agree on: same status, amount and currency.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="42"/>
        <source>Pendientes en MeStore pero ya finales en Wompi. «Aplicar estado de Wompi» los pone al día.</source>
        <translation>Pending in MeStore but already final at Wompi. “Apply Wompi&apos;s status” brings them up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="47"/>
        <source>La misma referencia con otro monto o moneda en Wompi. Revise el pedido y el cobro.</source>
        <translation>The same reference with another amount or currency at Wompi. Check the order and the charge.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="51"/>
        <source>Transacciones de Wompi que no corresponden a ningún pedido de MeStore.</source>
        <translation>Wompi transactions that belong to no MeStore order.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="55"/>
        <source>Pedidos pagados por Wompi en MeStore sin una transacción aprobada en Wompi.</source>
        <translation>Orders paid through Wompi in MeStore with no approved transaction at Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="59"/>
        <source>Pedidos con dos o más pagos aprobados. Devuelva los sobrantes desde el panel de comercios de Wompi.</source>
        <translation>Orders with two or more approved payments. Refund the extra ones from Wompi&apos;s merchant dashboard.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="64"/>
        <source>Aprobados en Wompi después de cancelar el pago o el pedido. Entregue la compra o devuelva el dinero.</source>
        <translation>Approved at Wompi after the payment or the order was cancelled. Hand over the purchase or refund the money.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="104"/>
        <source>1 transacción · {total}</source>
        <translation>1 transaction · {total}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="106"/>
        <source>{n} transacciones · {total}</source>
        <translation>{n} transactions · {total}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="117"/>
        <source>Coincide con el pedido {number}.</source>
        <translation>Matches order {number}.</translation>
    </message>
</context>
<context>
    <name>RelayStatusPresenter</name>
    <message>
        <location filename="../../mestore_desktop/ui/sync_status.py" line="85"/>
        <source>último evento {age}</source>
        <translation>last event {age}</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="132"/>
        <source>Detalles del pago</source>
        <translation>Payment details</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="137"/>
        <source>Cambio</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="143"/>
        <source>Aviso</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="145"/>
        <source>Imprimir recibo</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="146"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="147"/>
        <source>Enviar por correo</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="148"/>
        <source>Nueva venta</source>
        <translation>New sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="149"/>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="155"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="195"/>
        <source>Pago aprobado</source>
        <translation>Payment approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="199"/>
        <source>Venta en efectivo registrada</source>
        <translation>Cash sale recorded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="202"/>
        <source>Cambio: %1</source>
        <translation>Change: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="206"/>
        <source>Pago rechazado</source>
        <translation>Payment declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="209"/>
        <source>Error en el pago</source>
        <translation>Payment error</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="213"/>
        <source>Cobro vencido</source>
        <translation>Payment expired</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="151"/>
        <source>Otro medio de pago</source>
        <translation>Another payment method</translation>
    </message>
</context>
<context>
    <name>RingUpView</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="209"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="356"/>
        <source>La venta no tiene productos.</source>
        <translation>The sale has no items.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="90"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="268"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="269"/>
        <source>Monto libre</source>
        <translation>Free amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="91"/>
        <source>Descuento</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="92"/>
        <source>Editar</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="93"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="93"/>
        <source>Supr</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="280"/>
        <source>Editar línea</source>
        <translation>Edit line</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="305"/>
        <source>Cancelar venta</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="306"/>
        <source>¿Cancelar la venta?</source>
        <translation>Cancel the sale?</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="307"/>
        <source>Se quitarán todos los productos y los datos del cliente.</source>
        <translation>All items and the customer data will be removed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="309"/>
        <source>Sí, cancelar la venta</source>
        <translation>Yes, cancel the sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="311"/>
        <source>No, seguir vendiendo</source>
        <translation>No, keep selling</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="358"/>
        <source>Seleccione una línea con ↑ y ↓.</source>
        <translation>Select a line with ↑ and ↓.</translation>
    </message>
</context>
<context>
    <name>SecretsPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="30"/>
        <source>Llave privada de Wompi</source>
        <translation>Wompi private key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="31"/>
        <source>Secreto de eventos</source>
        <translation>Events secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="32"/>
        <source>Secreto de integridad</source>
        <translation>Integrity secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="33"/>
        <source>Token del relay</source>
        <translation>Relay token</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="34"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="63"/>
        <source>Escribe o pega el valor nuevo</source>
        <translation>Type or paste the new value</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="64"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="65"/>
        <source>Borrar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="88"/>
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="90"/>
        <source>Sin configurar</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="159"/>
        <source>Ambiente {environment}. Los secretos se guardan en el llavero del sistema y nunca se vuelven a mostrar; para cambiar uno, escribe el valor nuevo.</source>
        <translation>Environment {environment}. Secrets are kept in the system keyring and are never shown again; to change one, type the new value.</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="61"/>
        <source>Llaves de Wompi</source>
        <translation>Wompi keys</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="62"/>
        <source>Ambiente de las llaves</source>
        <translation>Keys&apos; environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="63"/>
        <source>Secreto de integridad</source>
        <translation>Integrity secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="64"/>
        <source>Relay accesible</source>
        <translation>Relay reachable</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="65"/>
        <source>Token del relay</source>
        <translation>Relay token</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="66"/>
        <source>Eventos de Wompi en el relay</source>
        <translation>Wompi events at the relay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="67"/>
        <source>Hora del equipo</source>
        <translation>Computer clock</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="68"/>
        <source>Llavero del sistema</source>
        <translation>System keyring</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="69"/>
        <source>Base de datos</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="70"/>
        <source>Espacio en disco</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="83"/>
        <source>bien</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="83"/>
        <source>falla</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="88"/>
        <source>{check}: {verdict}</source>
        <translation>{check}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="98"/>
        <source>Qué hacer: {fix}</source>
        <translation>What to do: {fix}</translation>
    </message>
</context>
<context>
    <name>SelfTestPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="142"/>
        <source>&amp;Verificar instalación</source>
        <translation>&amp;Verify installation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="143"/>
        <source>Verificar instalación</source>
        <translation>Verify installation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="146"/>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="147"/>
        <source>Cancelar verificación</source>
        <translation>Cancel verification</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="148"/>
        <source>Tecla Esc</source>
        <translation>Esc key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="161"/>
        <source>Verificando</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="165"/>
        <source>Resultado de la verificación</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="183"/>
        <source>La verificación de la instalación no está disponible aquí.</source>
        <translation>Verifying the installation is not available here.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="185"/>
        <source>Comprueba llaves, relay, llavero, base de datos, hora y disco, y dice qué arreglar.</source>
        <translation>Checks the keys, relay, keyring, database, clock and disk, and says what to fix.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="213"/>
        <source>Verificando la instalación…</source>
        <translation>Verifying the installation…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="242"/>
        <source>Verificación cancelada; comprobaciones terminadas: {done}. Pulse Verificar instalación para empezar de nuevo.</source>
        <translation>Verification cancelled; checks finished: {done}. Press Verify installation to start again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="251"/>
        <source>Verificando la instalación… comprobaciones terminadas: {done}.</source>
        <translation>Verifying the installation… checks finished: {done}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="264"/>
        <source>Todo en orden: las {count} comprobaciones pasaron.</source>
        <translation>All good: the {count} checks passed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="271"/>
        <source>{failed} de {count} comprobaciones fallaron; haga lo que dice cada una y verifique de nuevo.</source>
        <translation>{failed} of {count} checks failed; do what each one says and verify again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/self_test.py" line="287"/>
        <source>La verificación no pudo terminar: {reason} Pulse Verificar instalación para intentarlo de nuevo.</source>
        <translation>The verification could not finish: {reason} Press Verify installation to try again.</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="34"/>
        <source>Comercio</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="35"/>
        <source>Wompi</source>
        <translation>Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="36"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="37"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="38"/>
        <source>Correo (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="42"/>
        <source>Nombre del comercio</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="46"/>
        <source>NIT</source>
        <translation>NIT (tax id)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="48"/>
        <source>Ej.: 900123456-8</source>
        <translation>E.g. 900123456-8</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="52"/>
        <source>Ambiente</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="55"/>
        <source>Sandbox (pruebas)</source>
        <translation>Sandbox (testing)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="56"/>
        <source>Producción</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="60"/>
        <source>Llave pública</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="64"/>
        <source>URL de la API</source>
        <translation>API URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="66"/>
        <source>Vacío: la de Wompi para el ambiente</source>
        <translation>Empty: Wompi&apos;s URL for the environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="70"/>
        <source>URL del checkout</source>
        <translation>Checkout URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="72"/>
        <source>Vacío: </source>
        <translation>Empty: </translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="76"/>
        <source>Minutos para pagar un cobro</source>
        <translation>Minutes to pay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="81"/>
        <source>URL del relay</source>
        <translation>Relay URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="84"/>
        <source>Id de la terminal</source>
        <translation>Terminal id</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="88"/>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="89"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="98"/>
        <source>Otros</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="107"/>
        <source>Servidor SMTP</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="109"/>
        <source>Ej.: smtp.gmail.com (vacío: sin correo)</source>
        <translation>E.g. smtp.gmail.com (empty: no e-mail)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="113"/>
        <source>Seguridad SMTP</source>
        <translation>SMTP security</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="122"/>
        <source>Puerto SMTP</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="126"/>
        <source>Usuario SMTP</source>
        <translation>SMTP user name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="116"/>
        <source>STARTTLS (puerto 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="117"/>
        <source>SSL/TLS (puerto 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="118"/>
        <source>Sin cifrado (solo servidor local)</source>
        <translation>No encryption (local server only)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="128"/>
        <source>Vacío si el servidor no pide contraseña</source>
        <translation>Empty if the server needs no password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="132"/>
        <source>Correo remitente</source>
        <translation>Sender e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="134"/>
        <source>Ej.: ventas@mitienda.co</source>
        <translation>E.g. ventas@mitienda.co</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/form.py" line="111"/>
        <source>Esta sesión está en {session} (--lang). El idioma guardado, {saved}, se usa al abrir MeStore sin --lang.</source>
        <translation>This session is in {session} (--lang). The saved language, {saved}, is used when MeStore opens without --lang.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="78"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="150"/>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="83"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="84"/>
        <source>Guardar ajustes</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="88"/>
        <source>Resultado de guardar</source>
        <translation>Save result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="98"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="108"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="109"/>
        <source>Asistente de configuración</source>
        <translation>Setup assistant</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="114"/>
        <source>Resultado del asistente</source>
        <translation>Assistant result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="129"/>
        <source>No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay, MeStore nunca sabría si un pago por QR se aprobó. Guarde la llave privada en Secretos, o la URL del relay aquí y su token en Secretos. El efectivo funciona igual.</source>
        <translation>Wompi charges are blocked: without the Wompi private key or a relay, MeStore would never know whether a QR payment was approved. Save the private key under Secrets, or the relay URL here and its token under Secrets. Cash works as before.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="158"/>
        <source>Secretos</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="160"/>
        <source>Conexión con Wompi</source>
        <translation>Connection with Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="162"/>
        <source>Verificación de la instalación</source>
        <translation>Installation check</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="246"/>
        <source>No se pudo escribir el archivo de ajustes ({error}).</source>
        <translation>The settings file could not be written ({error}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="275"/>
        <source>No se guardaron los ajustes.</source>
        <translation>The settings were not saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="308"/>
        <source>No se guardó nada. {field}: {message}</source>
        <translation>Nothing was saved. {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="312"/>
        <source>No se guardó nada; revisa estos campos: {fields}.</source>
        <translation>Nothing was saved; check these fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="325"/>
        <source>Ajustes guardados.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="327"/>
        <source>El idioma cambiará la próxima vez que abras MeStore.</source>
        <translation>The language will change the next time you open MeStore.</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="73"/>
        <source>Ventas con Wompi</source>
        <translation>Sales through Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="74"/>
        <source>Aprobado en Wompi</source>
        <translation>Approved at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="75"/>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="76"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="77"/>
        <source>Excepciones abiertas</source>
        <translation>Open exceptions</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="99"/>
        <source>✔ {amount}</source>
        <translation>✔ {amount}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="103"/>
        <source>⚠ {amount}</source>
        <translation>⚠ {amount}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="110"/>
        <source>⚠ {n} por revisar</source>
        <translation>⚠ {n} to review</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/summary.py" line="115"/>
        <source>✔ Ninguna</source>
        <translation>✔ None</translation>
    </message>
</context>
<context>
    <name>TenderBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="38"/>
        <source>Pagar aquí</source>
        <translation>Pay here</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="39"/>
        <source>QR al celular</source>
        <translation>QR to phone</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="40"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="41"/>
        <source>Link de pago</source>
        <translation>Payment link</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="51"/>
        <source>Cancelar venta</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="73"/>
        <source>Wompi solo cobra totales mayores que cero y en pesos completos.</source>
        <translation>Wompi only charges totals above zero in whole pesos.</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="31"/>
        <source>Subtotal (sin IVA)</source>
        <translation>Subtotal (before VAT)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="34"/>
        <source>IVA %1 %</source>
        <translation>VAT %1 %</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="36"/>
        <source>Descuentos incluidos</source>
        <translation>Discounts included</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="60"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="63"/>
        <source>Total de la venta</source>
        <translation>Sale total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="79"/>
        <source>Base %1</source>
        <translation>Base %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/totals_panel.py" line="100"/>
        <source>El total (%1) tiene centavos y Wompi solo cobra pesos completos. Ajuste un precio o un descuento para cobrar con Wompi; en efectivo sí se puede cobrar.</source>
        <translation>The total (%1) has cents and Wompi only charges whole pesos. Adjust a price or a discount to charge with Wompi; cash can still be taken.</translation>
    </message>
</context>
<context>
    <name>TotalsView</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="99"/>
        <source>Totales por medio y día</source>
        <translation>Totals by method and day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="105"/>
        <source>Aprobado por día y medio</source>
        <translation>Approved by day and method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="110"/>
        <source>Gráfico por día y medio</source>
        <translation>Chart by day and method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="135"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="137"/>
        <location filename="../../mestore_desktop/ui/reconciliation/totals.py" line="149"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="44"/>
        <source>Anular pago</source>
        <translation>Void payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="50"/>
        <source>Pago a anular</source>
        <translation>Payment to void</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="68"/>
        <source>Motivo (obligatorio)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="70"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="72"/>
        <source>Por ejemplo: el cliente devolvió el producto</source>
        <translation>For example: the customer returned the product</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="76"/>
        <source>Escriba el motivo: queda en el registro con su nombre.</source>
        <translation>Write the reason: it is logged with your name.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="81"/>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="82"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="117"/>
        <source>¿Anular el pago de %1 del pedido %2?</source>
        <translation>Void the payment of %1 for order %2?</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="123"/>
        <source>Referencia %3 · transacción %4 · %5.
Wompi devolverá %1 a la tarjeta del cliente. Esto no se puede deshacer.</source>
        <translation>Reference %3 · transaction %4 · %5.
Wompi will return %1 to the customer&apos;s card. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_dialog.py" line="134"/>
        <source>Anular %1</source>
        <translation>Void %1</translation>
    </message>
</context>
<context>
    <name>VoidDoneDialog</name>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="129"/>
        <source>Pago anulado</source>
        <translation>Payment voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="136"/>
        <source>Pago anulado: %1</source>
        <translation>Payment voided: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="142"/>
        <source>Pedido %1 · referencia %2 · transacción %3.
Motivo: %4</source>
        <translation>Order %1 · reference %2 · transaction %3.
Reason: %4</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="154"/>
        <source>Imprimir comprobante</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="155"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="156"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="196"/>
        <source>Comprobante enviado a %1.</source>
        <translation>Slip sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="203"/>
        <source>Guardar comprobante de anulación</source>
        <translation>Save void slip</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="207"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="222"/>
        <source>Comprobante guardado en %1</source>
        <translation>Slip saved in %1</translation>
    </message>
</context>
<context>
    <name>WaitingPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="57"/>
        <source>Esperando confirmación de Wompi…</source>
        <translation>Waiting for Wompi to confirm…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/panels.py" line="95"/>
        <source>Tiempo de espera: %1</source>
        <translation>Waiting for %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../mestore_desktop/app.py" line="233"/>
        <source>No se pudo iniciar el sandbox local de Wompi.</source>
        <translation>The local Wompi sandbox could not be started.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="793"/>
        <source>MeStore no puede abrir</source>
        <translation>MeStore cannot start</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="47"/>
        <source>Ocurrió un error inesperado; los detalles quedaron en el registro.</source>
        <translation>An unexpected error occurred; the details were written to the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="62"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../mestore_desktop/cli/doctor_command.py" line="45"/>
        <source>No se pudo abrir la base de datos local: {error}</source>
        <translation>The local database could not be opened: {error}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue.py" line="48"/>
        <source>El SKU «{sku}» no es válido: use hasta {max_sku} letras, números, puntos, guiones o guiones bajos.</source>
        <translation>SKU «{sku}» is not valid: use up to {max_sku} letters, digits, dots, hyphens or underscores.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue.py" line="60"/>
        <source>El nombre del producto {sku} debe tener de 1 a {max_description} caracteres.</source>
        <translation>The name of product {sku} must have 1 to {max_description} characters.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue.py" line="70"/>
        <source>El precio del producto {sku} debe ser mayor que cero.</source>
        <translation>The price of product {sku} must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue.py" line="76"/>
        <source>El código de barras «{barcode}» del producto {sku} debe tener de 6 a 14 dígitos.</source>
        <translation>Barcode «{barcode}» of product {sku} must have 6 to 14 digits.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="77"/>
        <source>de esta línea</source>
        <translation>on this line</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="103"/>
        <source>Línea {line}: {message}</source>
        <translation>Line {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="269"/>
        <source>El SKU «{sku}» ya está en la línea {first}.</source>
        <translation>SKU «{sku}» is already on line {first}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="275"/>
        <source>El código de barras «{barcode}» ya está en la línea {first}.</source>
        <translation>Barcode «{barcode}» is already on line {first}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="290"/>
        <source>Falta el SKU.</source>
        <translation>The SKU is missing.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="294"/>
        <source>Falta el nombre.</source>
        <translation>The name is missing.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="97"/>
        <source>Línea {line}, columna «{column}»: {message}</source>
        <translation>Line {line}, column «{column}»: {message}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="246"/>
        <source>El archivo tiene más de {max_rows} productos; divídalo en varios archivos.</source>
        <translation>The file has more than {max_rows} products; split it into several files.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="326"/>
        <source>Falta el precio.</source>
        <translation>The price is missing.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="350"/>
        <source>Falta el IVA (0, 5 o 19).</source>
        <translation>The VAT is missing (0, 5 or 19).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="354"/>
        <source>El IVA «{value}» no es válido: use 0, 5 o 19.</source>
        <translation>VAT «{value}» is not valid: use 0, 5 or 19.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="364"/>
        <source>El código de barras «{value}» quedó en notación científica: en Excel dé formato de texto a la columna y vuelva a escribirlo.</source>
        <translation>Barcode «{value}» was turned into scientific notation: in Excel format the column as text and type it again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="142"/>
        <source>El archivo no es texto en UTF-8; en Excel guárdelo como «CSV UTF-8».</source>
        <translation>The file is not UTF-8 text; in Excel save it as «CSV UTF-8».</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="188"/>
        <source>El archivo no se puede leer desde aquí como CSV ({exc}).</source>
        <translation>The file cannot be read as CSV from here on ({exc}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="224"/>
        <source>Faltan columnas obligatorias: {missing}. Encabezados aceptados: {accepted_headers} (opcional).</source>
        <translation>Required columns are missing: {missing}. Accepted headers: {accepted_headers} (optional).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="165"/>
        <source>El archivo está vacío.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/catalogue_csv.py" line="208"/>
        <source>La columna «{cell}» repite «{value}»; deje solo una.</source>
        <translation>Column «{cell}» repeats «{value}»; keep only one.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="166"/>
        <source>Indique la terminal del cierre.</source>
        <translation>Give the terminal of the day close.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="168"/>
        <source>Indique el día del cierre como una fecha.</source>
        <translation>Give the day of the close as a date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="178"/>
        <source>La nota del cierre admite hasta {max_note} caracteres.</source>
        <translation>The day-close note takes up to {max_note} characters.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="171"/>
        <source>El efectivo contado debe ser un monto en centavos enteros.</source>
        <translation>The counted cash must be an amount in whole cents.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="173"/>
        <source>El efectivo contado no puede ser negativo.</source>
        <translation>The counted cash cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="175"/>
        <source>El efectivo contado supera el máximo permitido.</source>
        <translation>The counted cash is above the maximum allowed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="200"/>
        <source>La cola «matched» no es una cola pendiente.</source>
        <translation>Queue «matched» is not a pending queue.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="203"/>
        <source>La cola «{queue}» tiene un conteo inválido: {n}.</source>
        <translation>Queue «{queue}» has an invalid count: {n}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/day_close.py" line="105"/>
        <location filename="../../mestore_desktop/ui/reports/day_close_json.py" line="56"/>
        <source>El cierre guardado no se puede leer: {exc}</source>
        <translation>The saved day close cannot be read: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="110"/>
        <source>La fecha de vencimiento ({when}) ya pasó; elija una fecha futura.</source>
        <translation>The expiry date ({when}) has passed; choose a future date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="119"/>
        <source>Escriba el nombre del link (lo ve el cliente al pagar).</source>
        <translation>Type the link&apos;s name (the customer sees it when paying).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="123"/>
        <source>El nombre del link admite máximo {max_link_name} caracteres (tiene {length}).</source>
        <translation>The link&apos;s name takes at most {max_link_name} characters (it has {length}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="133"/>
        <source>Escriba la descripción del link.</source>
        <translation>Type the link&apos;s description.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="137"/>
        <source>La descripción admite máximo {max_link_description} caracteres (tiene {length}).</source>
        <translation>The description takes at most {max_link_description} characters (it has {length}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="149"/>
        <source>El valor del link debe ser mayor que cero.</source>
        <translation>The link&apos;s amount must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="153"/>
        <location filename="../../mestore_desktop/domain/money.py" line="74"/>
        <source>Wompi solo cobra pesos completos: {amount} tiene centavos.</source>
        <translation>Wompi only charges whole pesos: {amount} has cents.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="79"/>
        <source>El SKU admite máximo {max_link_sku} caracteres (tiene {length}).</source>
        <translation>The SKU takes at most {max_link_sku} characters (it has {length}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="87"/>
        <source>La fecha de vencimiento debe llevar la hora local.</source>
        <translation>The expiry date must carry the local time.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="92"/>
        <source>El número de pedido empieza en 1.</source>
        <translation>Order numbers start at 1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/links.py" line="100"/>
        <source>El IVA {rate} % no existe: use 0, 5 o 19 %.</source>
        <translation>There is no {rate} % VAT: use 0, 5 or 19 %.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="165"/>
        <source>«{original}» no es un monto válido. Use punto para miles y coma para centavos, por ejemplo 25.000 o 25.000,50.</source>
        <translation>«{original}» is not a valid amount. Use a dot for thousands and a comma for cents, for example 25.000 or 25.000,50.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="133"/>
        <source>Escriba el monto como texto, por ejemplo 25.000.</source>
        <translation>Type the amount as text, for example 25.000.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="136"/>
        <source>Escriba un monto, por ejemplo 25.000.</source>
        <translation>Type an amount, for example 25.000.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="138"/>
        <source>El monto no puede ser negativo.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="141"/>
        <source>«{text}» tiene más de una coma.</source>
        <translation>«{text}» has more than one comma.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="146"/>
        <location filename="../../mestore_desktop/domain/money.py" line="159"/>
        <location filename="../../mestore_desktop/domain/money.py" line="49"/>
        <source>El monto supera el máximo permitido.</source>
        <translation>The amount is above the maximum allowed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="176"/>
        <source>«{original}» no es un monto válido: después de la coma van uno o dos dígitos de centavos (25.000,50).</source>
        <translation>«{original}» is not a valid amount: one or two digits of cents go after the comma (25.000,50).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/money.py" line="71"/>
        <source>El monto a cobrar debe ser mayor que cero.</source>
        <translation>The amount to charge must be greater than zero.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="55"/>
        <source>El correo «{email}» no es válido.</source>
        <translation>The email «{email}» is not valid.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="57"/>
        <source>Indique el tipo de documento (CC, NIT o CE).</source>
        <translation>Give the document type (CC, NIT or CE).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="74"/>
        <source>La descripción debe tener entre 1 y {max_description} caracteres.</source>
        <translation>The description must have between 1 and {max_description} characters.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="81"/>
        <source>La cantidad debe ser un número entero entre 1 y {max_quantity}.</source>
        <translation>The quantity must be a whole number between 1 and {max_quantity}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="87"/>
        <source>El precio no puede ser negativo.</source>
        <translation>The price cannot be negative.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="89"/>
        <source>El descuento no puede ser negativo ni mayor que la línea.</source>
        <translation>The discount cannot be negative or larger than the line.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="103"/>
        <source>El descuento debe estar entre 0 % y 100 %.</source>
        <translation>The discount must be between 0 % and 100 %.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="166"/>
        <source>La hora del pedido no tiene zona horaria.</source>
        <translation>The order time has no time zone.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/order.py" line="179"/>
        <location filename="../../mestore_desktop/store/repositories.py" line="696"/>
        <source>La venta no tiene productos.</source>
        <translation>The sale has no products.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/payment.py" line="83"/>
        <source>Indique el efectivo recibido del cliente.</source>
        <translation>Give the cash received from the customer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/payment.py" line="86"/>
        <source>El efectivo recibido ({cash_received}) no cubre el total ({amount}).</source>
        <translation>The cash received ({cash_received}) does not cover the total ({amount}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/payment.py" line="80"/>
        <source>Un pago con Wompi no lleva efectivo recibido.</source>
        <translation>A Wompi payment has no cash received.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="747"/>
        <source>aprobada</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="748"/>
        <source>rechazada</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="750"/>
        <source>anulada</source>
        <translation>voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="766"/>
        <source>Wompi tiene una transacción {status} de {amount} con la referencia {reference}, que no corresponde a ningún pedido.</source>
        <translation>Wompi has a {status} transaction of {amount} with reference {reference}, which belongs to no order.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="783"/>
        <source>Wompi aprobó {amount} del pedido {number} después de que el cobro fue abandonado: devuelva el dinero o recupere la venta.</source>
        <translation>Wompi approved {amount} for order {number} after the charge was abandoned: give the money back or recover the sale.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="799"/>
        <source>El pedido {number} también se pagó con otro pago y Wompi aprobó este pago de {amount}: devuelva uno de los dos.</source>
        <translation>Order {number} was also paid with another payment and Wompi approved this payment of {amount}: give one of the two back.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="808"/>
        <source>El pedido {number} figura pagado, pero Wompi tiene su transacción {status}.</source>
        <translation>Order {number} shows as paid, but Wompi has its transaction {status}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="824"/>
        <source>El pedido {number} figura pagado por {amount}, pero Wompi no muestra ninguna transacción aprobada.</source>
        <translation>Order {number} shows as paid for {amount}, but Wompi shows no approved transaction.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="833"/>
        <source>Wompi registró {amount} para el pedido {number}, que es de {expected}.</source>
        <translation>Wompi recorded {amount} for order {number}, which is for {expected}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="842"/>
        <source>Wompi tiene la transacción de {amount} {status}, pero aquí sigue {local_status} (pedido {number}).</source>
        <translation>Wompi has the transaction of {amount} {status}, but here it is still {local_status} (order {number}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="706"/>
        <source>Pago por el link {link}: {status} en Wompi.</source>
        <translation>Payment through link {link}: {status} at Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="777"/>
        <source>Wompi aprobó {amount} del pedido {number} después de que el pedido fue cancelado: devuelva el dinero o recupere la venta.</source>
        <translation>Wompi approved {amount} for order {number} after the order was cancelled: give the money back or recover the sale.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="793"/>
        <source>El pedido {number} también se pagó en efectivo y Wompi aprobó este pago de {amount}: devuelva uno de los dos.</source>
        <translation>Order {number} was also paid in cash and Wompi approved this payment of {amount}: give one of the two back.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="817"/>
        <source>El pedido {number} figura pagado por {amount}, pero Wompi no muestra su transacción {transaction_id} aprobada.</source>
        <translation>Order {number} shows as paid for {amount}, but Wompi does not show its transaction {transaction_id} as approved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="108"/>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="304"/>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="433"/>
        <source>El rango de días está invertido: {first} es posterior a {last}.</source>
        <translation>The range of days is reversed: {first} is after {last}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="691"/>
        <source>El link de pago {link} recibió {received}.</source>
        <translation>Payment link {link} received {received}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="697"/>
        <source>El link de pago {link} recibió {received} y no {expected}.</source>
        <translation>Payment link {link} received {received} and not {expected}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="125"/>
        <source>Active el llavero del sistema: en Linux instale y desbloquee GNOME Keyring o KWallet (un servicio Secret Service); en Windows se usa el Administrador de credenciales y en macOS el Llavero (Keychain). Luego intente de nuevo.</source>
        <translation>Turn on the system keyring: on Linux install and unlock GNOME Keyring or KWallet (a Secret Service); Windows uses the Credential Manager and macOS the Keychain. Then try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="57"/>
        <source>Llave privada de Wompi</source>
        <translation>Wompi private key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="58"/>
        <location filename="../../mestore_desktop/services/connection.py" line="89"/>
        <source>Secreto de eventos</source>
        <translation>Events secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="59"/>
        <location filename="../../mestore_desktop/services/connection.py" line="84"/>
        <source>Secreto de integridad</source>
        <translation>Integrity secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="60"/>
        <source>Token del relay</source>
        <translation>Relay token</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="61"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="134"/>
        <source>No hay un llavero del sistema seguro disponible ({reason}), así que no se guardó ni se leyó ningún secreto. {how_to_fix}</source>
        <translation>No secure system keyring is available ({reason}), so no secret was saved or read. {how_to_fix}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="182"/>
        <location filename="../../mestore_desktop/secrets.py" line="193"/>
        <source>no se encontró ningún llavero</source>
        <translation>no keyring was found</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="184"/>
        <source>el llavero está desactivado</source>
        <translation>the keyring is disabled</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="186"/>
        <source>&apos;{backend}&apos; guarda los secretos en un archivo, lo que no está permitido</source>
        <translation>&apos;{backend}&apos; keeps secrets in a file, which is not allowed</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="277"/>
        <source>No se pudo {action} {label} en el llavero del sistema (error {error_type}). Revise que el llavero esté desbloqueado e intente de nuevo.</source>
        <translation>Could not {action} the {label} in the system keyring (error {error_type}). Check that the keyring is unlocked and try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="147"/>
        <source>Ambiente &apos;{environment}&apos; desconocido; use &apos;sandbox&apos; o &apos;production&apos;.</source>
        <translation>Unknown environment &apos;{environment}&apos;; use &apos;sandbox&apos; or &apos;production&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="157"/>
        <source>{label}: el valor está vacío.</source>
        <translation>{label}: the value is empty.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="160"/>
        <source>{label}: el valor es demasiado largo (máximo {max_secret_length} caracteres).</source>
        <translation>{label}: the value is too long (at most {max_secret_length} characters).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="170"/>
        <source>{label}: el valor tiene saltos de línea o caracteres de control; cópielo de nuevo sin ellos.</source>
        <translation>{label}: the value has line breaks or control characters; copy it again without them.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="273"/>
        <source>error {error_type}</source>
        <translation>error {error_type}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="275"/>
        <source>el llavero está bloqueado</source>
        <translation>the keyring is locked</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="233"/>
        <source>Falta configurar: {label} (ambiente {environment}). Guárdelo en Ajustes &gt; Secretos antes de continuar.</source>
        <translation>Not set up: {label} ({environment} environment). Save it in Settings &gt; Secrets before going on.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="222"/>
        <source>leer</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="251"/>
        <source>guardar</source>
        <translation>save</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/secrets.py" line="261"/>
        <source>borrar</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office.py" line="76"/>
        <source>No existe el pedido {number}.</source>
        <translation>Order {number} does not exist.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office_base.py" line="40"/>
        <source>Falta la llave pública de Wompi: configúrela en Ajustes › Wompi (o «mestore config set public_key …») para consultar pagos.</source>
        <translation>The Wompi public key is missing: set it in Settings › Wompi (or «mestore config set public_key …») to look up payments.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office_base.py" line="52"/>
        <source>Falta la llave privada de Wompi: sin ella no es posible {what}. Guárdela en Ajustes › Secretos (o «mestore secrets set wompi_private_key»).</source>
        <translation>The Wompi private key is missing: without it MeStore cannot {what}. Save it in Settings › Secrets (or «mestore secrets set wompi_private_key»).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office_base.py" line="64"/>
        <source>Escriba el motivo: queda en el registro de auditoría con su nombre.</source>
        <translation>Type the reason: it goes into the audit log with your name.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office_base.py" line="74"/>
        <source>Falta quién hace el cambio (el usuario de esta caja).</source>
        <translation>Who makes the change is missing (this counter&apos;s user).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/back_office_base.py" line="79"/>
        <source>El motivo admite hasta {max_reason} caracteres.</source>
        <translation>The reason takes up to {max_reason} characters.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/checkout.py" line="46"/>
        <source>Falta la llave pública de Wompi: configúrela en Ajustes o con &apos;mestore config set public_key …&apos;.</source>
        <translation>The Wompi public key is missing: set it in Settings or with &apos;mestore config set public_key …&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/checkout.py" line="53"/>
        <source>Falta el secreto de integridad de Wompi: guárdelo en Ajustes o con &apos;mestore secrets set wompi_integrity_secret&apos;.</source>
        <translation>The Wompi integrity secret is missing: save it in Settings or with &apos;mestore secrets set wompi_integrity_secret&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="114"/>
        <location filename="../../mestore_desktop/services/connection.py" line="79"/>
        <source>Llave privada</source>
        <translation>Private key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="142"/>
        <source>Guardado y del ambiente correcto.</source>
        <translation>Saved, and of the right environment.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="156"/>
        <source>No hubo respuesta de Wompi: {error}</source>
        <translation>No answer from Wompi: {error}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="98"/>
        <source>No hay llave pública en Ajustes.</source>
        <translation>There is no public key in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="102"/>
        <source>Wompi reconoce el comercio «{name}».</source>
        <translation>Wompi recognises the merchant «{name}».</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="108"/>
        <source>Wompi no reconoce esta llave pública; cópiela de nuevo.</source>
        <translation>Wompi does not recognise this public key; copy it again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="117"/>
        <source>No hay llave privada guardada en el llavero.</source>
        <translation>No private key is saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="121"/>
        <source>Wompi acepta la llave privada.</source>
        <translation>Wompi accepts the private key.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="131"/>
        <source>No está guardado en el llavero.</source>
        <translation>It is not saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="137"/>
        <source>Debería empezar por «{expected}»: parece de otro ambiente o de otro tipo.</source>
        <translation>It should start with «{expected}»: it looks like it belongs to another environment or kind.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="79"/>
        <source>Primero corrija la llave pública.</source>
        <translation>Fix the public key first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="543"/>
        <source>su referencia es {reference}</source>
        <translation>its reference is {reference}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="545"/>
        <source>su moneda es {currency}</source>
        <translation>its currency is {currency}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="547"/>
        <source>su monto es {amount}, el pago es de {expected}</source>
        <translation>its amount is {amount}, the payment is for {expected}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="81"/>
        <source>No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay, MeStore nunca sabría si el pago se aprobó. Guarde la llave privada en Ajustes › Secretos (o &apos;mestore secrets set wompi_private_key&apos;), o configure el relay: su URL en Ajustes › Relay y su token en Ajustes › Secretos (o &apos;mestore config set relay_url …&apos; y &apos;mestore secrets set relay_token&apos;). El efectivo sigue funcionando.</source>
        <translation>Cannot charge with Wompi: without the Wompi private key or a relay, MeStore would never know whether the payment was approved. Save the private key in Settings › Secrets (or &apos;mestore secrets set wompi_private_key&apos;), or set up the relay: its URL in Settings › Relay and its token in Settings › Secrets (or &apos;mestore config set relay_url …&apos; and &apos;mestore secrets set relay_token&apos;). Cash still works.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="97"/>
        <source>No fue posible consultar Wompi en este momento. El pago quedó registrado y su estado se confirmará solo en cuanto Wompi responda.</source>
        <translation>Wompi could not be reached right now. The payment is recorded and its status will confirm itself as soon as Wompi answers.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="110"/>
        <source>La transacción {transaction_id} de Wompi no corresponde al pago {reference} ({why}); no se registró nada. El estado se confirmará con lo que informe Wompi.</source>
        <translation>Wompi transaction {transaction_id} does not match payment {reference} ({why}); nothing was recorded. The status will be confirmed with what Wompi reports.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="127"/>
        <source>El cobro {reference} venció: Wompi ya no recibe pagos con él. Cancélelo y cobre de nuevo.</source>
        <translation>Charge {reference} expired: Wompi no longer takes payments with it. Cancel it and charge again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="139"/>
        <source>No existe el pedido {order_number} en esta caja.</source>
        <translation>Order {order_number} does not exist on this counter.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/counter.py" line="150"/>
        <source>El pago {reference} es en efectivo: Wompi no tiene nada que decir.</source>
        <translation>Payment {reference} is in cash: Wompi has nothing to say about it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="907"/>
        <source>Copie las llaves de producción (pub_prod_… y prv_prod_…) del dashboard de Wompi (Desarrolladores › Llaves) en Ajustes y Ajustes › Secretos.</source>
        <translation>Copy the production keys (pub_prod_… and prv_prod_…) from the Wompi dashboard (Desarrolladores › Llaves) into Settings and Settings › Secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="914"/>
        <source>Copie el secreto de integridad del dashboard de Wompi (Desarrolladores › Secretos), del mismo ambiente que las llaves, en Ajustes › Secretos.</source>
        <translation>Copy the integrity secret from the Wompi dashboard (Desarrolladores › Secretos), of the same environment as the keys, into Settings › Secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="921"/>
        <source>Active el llavero del sistema: en Linux GNOME Keyring o KWallet (Secret Service); en Windows el Administrador de credenciales; en macOS el Llavero. Luego guarde de nuevo los secretos.</source>
        <translation>Turn on the system keyring: on Linux GNOME Keyring or KWallet (Secret Service); on Windows the Credential Manager; on macOS the Keychain. Then save the secrets again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="903"/>
        <source>Copie las llaves de pruebas (pub_test_… y prv_test_…) del dashboard de Wompi (Desarrolladores › Llaves) en Ajustes y Ajustes › Secretos.</source>
        <translation>Copy the test keys (pub_test_… and prv_test_…) from the Wompi dashboard (Desarrolladores › Llaves) into Settings and Settings › Secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="939"/>
        <source>Wompi no aceptó la consulta ({error}).</source>
        <translation>Wompi did not accept the request ({error}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="940"/>
        <source>Revise las llaves y la URL de la API en Ajustes.</source>
        <translation>Check the keys and the API URL in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="949"/>
        <source>Copie el secreto de eventos del dashboard de Wompi (Desarrolladores › Secretos) en la configuración del relay (MESTORE_RELAY_EVENTS_SECRET) y reinicie el relay.</source>
        <translation>Copy the events secret from the Wompi dashboard (Desarrolladores › Secretos) into the relay&apos;s configuration (MESTORE_RELAY_EVENTS_SECRET) and restart the relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="984"/>
        <source>El relay recibe los eventos de Wompi con firma válida (el último hace {minutes} min; rechazados por firma desde que arrancó el relay: {count}).</source>
        <translation>The relay receives Wompi&apos;s events with a valid signature (the last one {minutes} min ago; refused for their signature since the relay started: {count}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1007"/>
        <source>El reloj de este equipo está {seconds} s adelantado respecto a Wompi.</source>
        <translation>This computer&apos;s clock is {seconds} s ahead of Wompi&apos;s.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1009"/>
        <source>El reloj de este equipo está {seconds} s atrasado respecto a Wompi.</source>
        <translation>This computer&apos;s clock is {seconds} s behind Wompi&apos;s.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1017"/>
        <source>Active la hora automática del sistema (sincronización por internet) y vuelva a verificar: los cobros vencen a la hora firmada.</source>
        <translation>Turn on the system&apos;s automatic time (internet synchronisation) and check again: charges expire at the signed time.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="430"/>
        <source>Las dos llaves son del ambiente configurado ({environment}).</source>
        <translation>Both keys belong to the configured environment ({environment}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="474"/>
        <source>Wompi acepta la llave pública y la privada del comercio «{merchant}».</source>
        <translation>Wompi accepts the public and the private key of the merchant “{merchant}”.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="560"/>
        <source>El checkout rechazó el enlace de pago (HTTP {status}).</source>
        <translation>The checkout refused the payment link (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="564"/>
        <source>Revise en Ajustes la URL del checkout y la llave pública.</source>
        <translation>Check the checkout URL and the public key in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="608"/>
        <source>El relay responde en {url}.</source>
        <translation>The relay answers at {url}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="616"/>
        <source>El relay acepta el token de esta caja (comercio «{merchant}»).</source>
        <translation>The relay accepts this till&apos;s token (merchant “{merchant}”).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="673"/>
        <source>El evento de una transacción de prueba no llegó al relay en {seconds} s.</source>
        <translation>The event of a test transaction did not reach the relay within {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="677"/>
        <source>En el dashboard de Wompi (Desarrolladores › URL de eventos) ponga la URL de eventos del relay: {url}/wompi/events.</source>
        <translation>In the Wompi dashboard (Desarrolladores › URL de eventos) set the relay&apos;s events URL: {url}/wompi/events.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="794"/>
        <source>El llavero del sistema ({backend}) es seguro y guarda y lee secretos.</source>
        <translation>The system keyring ({backend}) is secure and stores and reads secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="840"/>
        <source>La base de datos local se puede escribir y está al día ({head}).</source>
        <translation>The local database is writable and up to date ({head}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="861"/>
        <source>Hay {free} libres en el disco de los datos.</source>
        <translation>There are {free} free on the data disk.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="933"/>
        <source>Wompi no respondió.</source>
        <translation>Wompi did not answer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="934"/>
        <source>Revise la conexión a internet y la URL de la API en Ajustes; vuelva a verificar.</source>
        <translation>Check the internet connection and the API URL in Settings; check again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="964"/>
        <source>El relay rechazó {count} eventos de Wompi porque su firma (checksum) no coincide con su secreto de eventos, y no ha aceptado ninguno después.</source>
        <translation>The relay refused {count} Wompi events because their signature (checksum) does not match its events secret, and has accepted none since.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="974"/>
        <source>El relay todavía no ha recibido ningún evento de Wompi para este comercio.</source>
        <translation>The relay has not received any Wompi event for this merchant yet.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="975"/>
        <source>En el dashboard de Wompi (Desarrolladores › URL de eventos) ponga la URL de eventos del relay (…/wompi/events); con el primer pago esta prueba queda en verde.</source>
        <translation>In the Wompi dashboard (Desarrolladores › URL de eventos) set the relay&apos;s events URL (…/wompi/events); with the first payment this check turns green.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1000"/>
        <source>La hora de este equipo coincide con la de Wompi (diferencia: {seconds} s).</source>
        <translation>This computer&apos;s time matches Wompi&apos;s (difference: {seconds} s).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1037"/>
        <source>El relay respondió a la consulta de estado algo que no se puede leer (HTTP {status}).</source>
        <translation>The relay answered the status request with something unreadable (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="1042"/>
        <location filename="../../mestore_desktop/services/doctor.py" line="369"/>
        <source>Corrija primero la prueba «Relay accesible».</source>
        <translation>Fix the “Relay reachable” check first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="328"/>
        <source>No hay llave pública de Wompi en Ajustes.</source>
        <translation>There is no Wompi public key in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="329"/>
        <source>Copie la llave pública del dashboard de Wompi (Desarrolladores › Llaves) en Ajustes.</source>
        <translation>Copy the public key from the Wompi dashboard (Desarrolladores › Llaves) into Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="338"/>
        <source>No hay URL del relay en Ajustes, así que no se puede probar.</source>
        <translation>There is no relay URL in Settings, so this cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="339"/>
        <location filename="../../mestore_desktop/services/doctor.py" line="575"/>
        <source>Escriba en Ajustes la URL del relay que le dio quien lo administra.</source>
        <translation>Enter in Settings the relay URL given to you by whoever runs it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="344"/>
        <source>No hay token del relay guardado en el llavero.</source>
        <translation>No relay token is saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="345"/>
        <source>Guarde en Ajustes › Secretos el token del relay que le dio quien lo administra.</source>
        <translation>Save in Settings › Secrets the relay token given to you by whoever runs the relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="373"/>
        <source>El relay rechazó el token de esta caja: fue revocado o no es de este relay.</source>
        <translation>The relay refused this till&apos;s token: it was revoked or is not from this relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="374"/>
        <source>Pida a quien administra el relay un token nuevo para esta caja («mestore-relay token create») y guárdelo en Ajustes › Secretos.</source>
        <translation>Ask whoever runs the relay for a new token for this till (“mestore-relay token create”) and save it in Settings › Secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="381"/>
        <source>El relay no tiene la consulta de estado (/v1/status): es de una versión anterior.</source>
        <translation>The relay has no status request (/v1/status): it is an older version.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="385"/>
        <source>Pida a quien administra el relay que lo actualice a la versión de esta caja.</source>
        <translation>Ask whoever runs the relay to update it to this till&apos;s version.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="401"/>
        <source>La llave pública no es del ambiente configurado ({environment}).</source>
        <translation>The public key does not belong to the configured environment ({environment}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="411"/>
        <location filename="../../mestore_desktop/services/doctor.py" line="457"/>
        <source>No hay llave privada de Wompi guardada en el llavero.</source>
        <translation>No Wompi private key is saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="417"/>
        <source>La llave privada es de otro ambiente (prv_{other}_…), pero el ambiente configurado es {environment}.</source>
        <translation>The private key belongs to another environment (prv_{other}_…), but the configured environment is {environment}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="424"/>
        <source>La llave privada no tiene forma de llave privada de Wompi (prv_…).</source>
        <translation>The private key does not look like a Wompi private key (prv_…).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="491"/>
        <source>No hay secreto de integridad guardado en el llavero.</source>
        <translation>No integrity secret is saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="498"/>
        <source>El secreto de integridad no es del ambiente {environment} (debería empezar por «{prefix}»).</source>
        <translation>The integrity secret does not belong to the {environment} environment (it should start with “{prefix}”).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="521"/>
        <source>El secreto de integridad es del ambiente {environment} y firma el enlace de pago; el checkout de Wompi comprueba la firma al abrir el primer cobro.</source>
        <translation>The integrity secret belongs to the {environment} environment and signs the payment link; Wompi&apos;s checkout checks the signature when the first charge opens.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="544"/>
        <source>El checkout aceptó un enlace de pago firmado con el secreto de integridad.</source>
        <translation>The checkout accepted a payment link signed with the integrity secret.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="551"/>
        <source>El checkout rechazó la firma: el secreto de integridad no corresponde a la llave pública.</source>
        <translation>The checkout refused the signature: the integrity secret does not match the public key.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="574"/>
        <source>No hay URL del relay en Ajustes.</source>
        <translation>There is no relay URL in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="582"/>
        <source>La URL del relay no usa HTTPS (HTTP solo se permite en este mismo equipo).</source>
        <translation>The relay URL does not use HTTPS (HTTP is only allowed on this same computer).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="583"/>
        <source>Escriba en Ajustes la URL del relay con https://.</source>
        <translation>Enter the relay URL in Settings with https://.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="605"/>
        <source>El relay responde, pero su base de datos no está disponible.</source>
        <translation>The relay answers, but its database is not available.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="606"/>
        <source>Avise a quien administra el relay: su base de datos no responde.</source>
        <translation>Tell whoever runs the relay: its database does not answer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="691"/>
        <source>Sin secreto de integridad no se puede crear la transacción de prueba.</source>
        <translation>Without the integrity secret the test transaction cannot be created.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="692"/>
        <source>Corrija primero la prueba «Secreto de integridad».</source>
        <translation>Fix the “Integrity secret” check first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="754"/>
        <source>Wompi no envió su hora (cabecera Date), así que no se pudo comparar.</source>
        <translation>Wompi did not send its time (Date header), so it could not be compared.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="755"/>
        <source>Vuelva a verificar en unos minutos.</source>
        <translation>Check again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="786"/>
        <source>El llavero del sistema no guardó y devolvió un valor de prueba.</source>
        <translation>The system keyring did not store and return a test value.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="787"/>
        <source>Desbloquee el llavero del sistema (o reinicie la sesión) y vuelva a verificar.</source>
        <translation>Unlock the system keyring (or log in again) and check again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="808"/>
        <source>Revise que la carpeta de datos exista y se pueda escribir, y que haya espacio.</source>
        <translation>Check that the data folder exists and is writable, and that there is free space.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="827"/>
        <source>La base de datos está en la versión {found} y esta aplicación usa la {head}.</source>
        <translation>The database is at version {found} and this application uses {head}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="832"/>
        <source>Cierre la aplicación y ábrala de nuevo: al abrir se pone al día la base de datos.</source>
        <translation>Close the application and open it again: opening brings the database up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="853"/>
        <source>Quedan {free} libres en el disco de los datos; se necesitan al menos {need}.</source>
        <translation>Only {free} free on the data disk; at least {need} are needed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="858"/>
        <source>Libere espacio en el disco (borre archivos que no use) y vuelva a verificar.</source>
        <translation>Free some disk space (delete files you do not use) and check again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="275"/>
        <source>La prueba no terminó en {seconds} segundos.</source>
        <translation>The check did not finish within {seconds} seconds.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="276"/>
        <location filename="../../mestore_desktop/services/doctor.py" line="746"/>
        <source>Revise la conexión a internet de este equipo y vuelva a verificar.</source>
        <translation>Check this computer&apos;s internet connection and check again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="283"/>
        <source>La prueba falló por un error inesperado ({error}).</source>
        <translation>The check failed with an unexpected error ({error}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="284"/>
        <source>Vuelva a verificar; si se repite, envíe el registro (log) a soporte.</source>
        <translation>Check again; if it happens again, send the log to support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="297"/>
        <source>No se pudieron leer los secretos del llavero del sistema.</source>
        <translation>The secrets could not be read from the system keyring.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="298"/>
        <source>Corrija primero la prueba «Llavero del sistema».</source>
        <translation>Fix the “System keyring” check first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="368"/>
        <source>El relay no respondió.</source>
        <translation>The relay did not answer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="448"/>
        <source>Wompi no reconoce la llave pública.</source>
        <translation>Wompi does not recognise the public key.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="466"/>
        <source>Wompi rechazó la llave privada (la pública sí la acepta).</source>
        <translation>Wompi refused the private key (it does accept the public one).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="537"/>
        <source>El checkout no respondió.</source>
        <translation>The checkout did not answer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="538"/>
        <source>Revise la URL del checkout en Ajustes y la conexión a internet.</source>
        <translation>Check the checkout URL in Settings and the internet connection.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="591"/>
        <source>La dirección responde, pero no es un relay de MeStore.</source>
        <translation>The address answers, but it is not a MeStore relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="592"/>
        <source>Revise en Ajustes la URL del relay (sin /wompi/events ni /v1 al final).</source>
        <translation>Check the relay URL in Settings (without /wompi/events or /v1 at the end).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="598"/>
        <source>El relay no responde en {url}.</source>
        <translation>The relay does not answer at {url}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="599"/>
        <source>Revise la URL del relay y que su servidor esté encendido y en internet.</source>
        <translation>Check the relay URL and that its server is on and online.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="655"/>
        <source>Una transacción de prueba se aprobó y su evento llegó al relay con firma válida en {seconds} s.</source>
        <translation>A test transaction was approved and its event reached the relay with a valid signature in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="665"/>
        <source>El relay rechazó el evento de una transacción de prueba: su firma (checksum) no coincide con el secreto de eventos del relay.</source>
        <translation>The relay refused the event of a test transaction: its signature (checksum) does not match the relay&apos;s events secret.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="715"/>
        <source>Wompi no creó la transacción de prueba ({error}).</source>
        <translation>Wompi did not create the test transaction ({error}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="716"/>
        <source>Corrija primero las pruebas «Llaves de Wompi» y «Secreto de integridad».</source>
        <translation>Fix the “Wompi keys” and “Integrity secret” checks first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="745"/>
        <source>Wompi no respondió, así que no se pudo comparar la hora.</source>
        <translation>Wompi did not answer, so the time could not be compared.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="771"/>
        <source>No hay un llavero del sistema seguro disponible (se encontró «{backend}»).</source>
        <translation>No secure system keyring is available (found “{backend}”).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="807"/>
        <source>No se pudo abrir la base de datos local.</source>
        <translation>The local database could not be opened.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="820"/>
        <source>La base de datos local no aceptó una escritura.</source>
        <translation>The local database did not accept a write.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="821"/>
        <source>Revise que el archivo de la base de datos y su carpeta se puedan escribir.</source>
        <translation>Check that the database file and its folder are writable.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="647"/>
        <source>El relay rechazó el token de esta caja.</source>
        <translation>The relay refused this till&apos;s token.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/doctor.py" line="648"/>
        <source>Corrija primero la prueba «Token del relay».</source>
        <translation>Fix the “Relay token” check first.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="116"/>
        <source>Wompi todavía muestra activo el link {link_id}.</source>
        <translation>Wompi still shows link {link_id} as active.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="180"/>
        <source>Wompi no respondió ({error_type}) y no se pudo comprobar el link {link_id}: {exc}</source>
        <translation>Wompi did not answer ({error_type}) and link {link_id} could not be checked: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="124"/>
        <source>desactivar links de pago</source>
        <translation>deactivate payment links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="131"/>
        <source>Wompi no conoce el link {link_id}: {exc}</source>
        <translation>Wompi does not know link {link_id}: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="139"/>
        <source>No se envió a Wompi: {exc}</source>
        <translation>Not sent to Wompi: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/link_guard.py" line="145"/>
        <source>Wompi no desactivó el link {link_id}: {exc}</source>
        <translation>Wompi did not deactivate link {link_id}: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="88"/>
        <source>ya está pagado</source>
        <translation>is already paid</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="89"/>
        <source>fue anulado</source>
        <translation>was voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="90"/>
        <source>fue cancelado</source>
        <translation>was cancelled</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="96"/>
        <source>No hay un link «{link_id}» en este equipo.</source>
        <translation>There is no link «{link_id}» on this computer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="105"/>
        <source>El pedido {number} {why}: no se le puede crear un link de pago.</source>
        <translation>Order {number} {why}: no payment link can be created for it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="166"/>
        <source>crear links de pago</source>
        <translation>create payment links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="237"/>
        <source>no tiene productos</source>
        <translation>has no products</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="348"/>
        <source>No se creó el link: {exc}</source>
        <translation>The link was not created: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="351"/>
        <source>Wompi no respondió ({exc}); puede que haya creado el link sin que este equipo lo sepa. Revise el panel de Wompi antes de crear otro, y desactive allí el que sobre.</source>
        <translation>Wompi did not answer ({exc}); it may have created the link without this computer knowing. Check the Wompi dashboard before creating another one, and deactivate the extra one there.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="359"/>
        <source>Wompi no creó el link: {exc}</source>
        <translation>Wompi did not create the link: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="196"/>
        <source>se desactivó en Wompi para que nadie lo pague</source>
        <translation>it was deactivated at Wompi so nobody can pay it</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="198"/>
        <source>desactívelo en el panel de Wompi: no se pudo desactivar desde aquí</source>
        <translation>deactivate it in the Wompi dashboard: it could not be deactivated from here</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="201"/>
        <source>Wompi creó el link {id} pero no se pudo guardar en este equipo ({error_type}); {after}.</source>
        <translation>Wompi created link {id} but it could not be saved on this computer ({error_type}); {after}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/links.py" line="293"/>
        <source>No se pudo consultar el link en Wompi: {exc}</source>
        <translation>Could not look up the link at Wompi: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="270"/>
        <source>No se pudo conectar con el servidor de correo {server}. Revise el servidor y el puerto en Ajustes &gt; Correo (SMTP) y la conexión a internet.</source>
        <translation>Could not connect to the mail server {server}. Check the server and port in Settings &gt; E-mail (SMTP) and the internet connection.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="343"/>
        <source>Se cortó la conexión con el servidor de correo {server}. Intente de nuevo.</source>
        <translation>The connection to the mail server {server} was cut. Try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="167"/>
        <source>La dirección {shown}no es un correo válido; escríbala como cliente@correo.com.</source>
        <translation>The address {shown}is not a valid e-mail address; write it as customer@mail.com.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="191"/>
        <source>Falta la contraseña SMTP: guárdela en Ajustes &gt; Correo (SMTP) antes de enviar.</source>
        <translation>The SMTP password is missing: save it in Settings &gt; E-mail (SMTP) before sending.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="242"/>
        <source>El servidor de correo {server} no respondió a tiempo ({timeout_s} s). Revise la conexión a internet e intente de nuevo.</source>
        <translation>The mail server {server} did not answer in time ({timeout_s} s). Check the internet connection and try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="251"/>
        <source>El certificado del servidor de correo {server} no es válido para ese nombre; revise el servidor en Ajustes &gt; Correo (SMTP).</source>
        <translation>The certificate of the mail server {server} is not valid for that name; check the server in Settings &gt; E-mail (SMTP).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="259"/>
        <source>No se pudo abrir una conexión segura con {server}. Revise el tipo de seguridad (STARTTLS suele ir con el puerto 587 y SSL con el 465).</source>
        <translation>Could not open a secure connection to {server}. Check the security type (STARTTLS usually goes with port 587 and SSL with 465).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="282"/>
        <source>El servidor de correo {server} rechazó el usuario o la contraseña. Revíselos en Ajustes &gt; Correo (SMTP); algunos servicios piden una contraseña de aplicación.</source>
        <translation>The mail server {server} refused the user name or password. Check them in Settings &gt; E-mail (SMTP); some services require an app password.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="293"/>
        <source>El servidor de correo {server} no ofrece un inicio de sesión que MeStore pueda usar; revise el tipo de seguridad, o deje el usuario vacío si no pide contraseña.</source>
        <translation>The mail server {server} offers no sign-in MeStore can use; check the security type, or leave the user name empty if it needs no password.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="307"/>
        <source>El servidor de correo {server} rechazó la dirección del destinatario; revísela.</source>
        <translation>The mail server {server} refused the recipient&apos;s address; check it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="314"/>
        <source>El servidor de correo {server} no acepta enviar desde {from_address}; revise el correo remitente en Ajustes &gt; Correo (SMTP).</source>
        <translation>The mail server {server} does not accept sending from {from_address}; check the sender address in Settings &gt; E-mail (SMTP).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="323"/>
        <source>El servidor de correo {server} no aceptó el mensaje (código {smtp_code}); intente de nuevo más tarde.</source>
        <translation>The mail server {server} did not accept the message (code {smtp_code}); try again later.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="336"/>
        <source>Se cortó la conexión con el servidor de correo {server} y no se sabe si el mensaje salió. Intente de nuevo.</source>
        <translation>The connection to the mail server {server} was cut and it is not known whether the message went out. Try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/mailer.py" line="86"/>
        <source>El correo no está configurado: escriba el servidor SMTP y el correo remitente en Ajustes &gt; Correo (SMTP) y guarde los ajustes.</source>
        <translation>E-mail is not set up: enter the SMTP server and the sender address in Settings &gt; E-mail (SMTP) and save the settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="306"/>
        <source>Dominio de banco no válido: {entry}.</source>
        <translation>Invalid bank domain: {entry}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="279"/>
        <source>La dirección {what} no es una URL http o https válida.</source>
        <translation>The {what} address is not a valid http or https URL.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="286"/>
        <source>La dirección {what} debe usar https (http solo se permite en este equipo).</source>
        <translation>The {what} address must use https (http is only allowed on this computer).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="139"/>
        <source>del checkout</source>
        <translation>checkout</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="140"/>
        <source>de la API de Wompi</source>
        <translation>Wompi API</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/navigation.py" line="141"/>
        <source>de regreso</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="40"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="41"/>
        <source>Tarjeta</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="42"/>
        <source>Botón Bancolombia</source>
        <translation>Bancolombia button</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="43"/>
        <source>Corresponsal Bancolombia</source>
        <translation>Bancolombia agent</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="44"/>
        <source>Compra y paga después Bancolombia</source>
        <translation>Bancolombia Buy now, pay later</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="48"/>
        <source>El pago fue rechazado por el banco o el medio de pago. Pida otro medio de pago o reintente.</source>
        <translation>The payment was declined by the bank or the payment method. Ask for another payment method or retry.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="52"/>
        <source>El medio de pago tuvo un error y el pago no se completó. Puede reintentar.</source>
        <translation>The payment method had an error and the payment did not go through. You can retry.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="55"/>
        <source>El pago fue anulado.</source>
        <translation>The payment was voided.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="117"/>
        <source>El pago fue rechazado: {message}.</source>
        <translation>The payment was declined: {message}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/payment_details.py" line="119"/>
        <source>El pago no se completó por un error: {message}.</source>
        <translation>The payment did not go through because of an error: {message}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="102"/>
        <source>Los datos del pago no son del pago {reference}.</source>
        <translation>The payment data do not belong to payment {reference}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="128"/>
        <source>El pago {reference} no está aprobado (estado {value}); solo se entrega recibo de pagos aprobados.</source>
        <translation>Payment {reference} is not approved (status {value}); receipts are given only for approved payments.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="137"/>
        <source>El pago {reference} no es de este pedido.</source>
        <translation>Payment {reference} does not belong to this order.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="144"/>
        <source>El pago {reference} ({amount}) no coincide con el total del pedido ({total}); revise el pedido antes de dar recibo.</source>
        <translation>Payment {reference} ({amount}) does not match the order total ({total}); check the order before giving a receipt.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="154"/>
        <source>El pago {reference} aún no tiene número de transacción de Wompi.</source>
        <translation>Payment {reference} has no Wompi transaction number yet.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="160"/>
        <source>La hora del pago no tiene zona horaria.</source>
        <translation>The payment time has no time zone.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="177"/>
        <source>Solo un pago en efectivo tiene dinero recibido y cambio.</source>
        <translation>Only a cash payment has money received and change.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/receipt.py" line="180"/>
        <source>El efectivo recibido ({received}) es menor que el total ({amount}).</source>
        <translation>The cash received ({received}) is less than the total ({amount}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="71"/>
        <source>Conciliadas</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="72"/>
        <source>Pendientes resueltas en Wompi</source>
        <translation>Pending, settled at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="73"/>
        <source>Montos distintos</source>
        <translation>Different amounts</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="74"/>
        <source>Sin pedido</source>
        <translation>No order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="75"/>
        <source>Pagadas sin Wompi</source>
        <translation>Paid without Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="76"/>
        <source>Pago doble</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="77"/>
        <source>Aprobado tras cancelar</source>
        <translation>Approved after cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="312"/>
        <source>Concilie como máximo {max_range_days} días de una vez.</source>
        <translation>Reconcile at most {max_range_days} days at once.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/reconciliation.py" line="205"/>
        <source>Solo las filas de «Pendientes resueltas en Wompi» toman el estado de Wompi; la referencia {reference} está en «{queue}».</source>
        <translation>Only rows in «Pending, settled at Wompi» take Wompi&apos;s status; reference {reference} is in «{queue}».</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/sync_setup.py" line="41"/>
        <source>Falta la llave pública de Wompi: configúrela con «mestore config set public_key …».</source>
        <translation>The Wompi public key is missing: set it with «mestore config set public_key …».</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="746"/>
        <location filename="../../mestore_desktop/services/voids.py" line="49"/>
        <source>pendiente</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="50"/>
        <source>aprobado</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="51"/>
        <source>rechazado</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/domain/reconciliation.py" line="749"/>
        <location filename="../../mestore_desktop/services/voids.py" line="52"/>
        <source>con error</source>
        <translation>failed with an error</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="53"/>
        <source>anulado</source>
        <translation>voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="60"/>
        <source>efectivo en corresponsal Bancolombia</source>
        <translation>cash at a Bancolombia agent</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="63"/>
        <source>Compra ahora y paga después de Bancolombia</source>
        <translation>Bancolombia Buy now, pay later</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="77"/>
        <source>Para devolver el dinero, solicite el reembolso desde el panel de comercios de Wompi (comercios.wompi.co), en la transacción, o pídalo al soporte de Wompi.</source>
        <translation>To give the money back, request the refund from Wompi&apos;s merchant dashboard (comercios.wompi.co), on the transaction, or ask Wompi&apos;s support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="279"/>
        <source>Se anulará el pago con tarjeta {card} por {amount} (transacción {tx_id}); Wompi devuelve el cupo a la tarjeta del cliente.</source>
        <translation>The card payment {card} for {amount} (transaction {tx_id}) will be voided; Wompi gives the credit back to the customer&apos;s card.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="71"/>
        <source>Para devolver el dinero, solicite el reembolso desde el panel de comercios de Wompi (comercios.wompi.co), en la transacción {transaction_id}, o pídalo al soporte de Wompi.</source>
        <translation>To give the money back, request the refund from Wompi&apos;s merchant dashboard (comercios.wompi.co), on transaction {transaction_id}, or ask Wompi&apos;s support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="227"/>
        <source>No existe el pago {reference} en esta base de datos.</source>
        <translation>Payment {reference} does not exist in this database.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="229"/>
        <source>Es una venta en efectivo: Wompi no la cobró y no hay nada que anular allí. Devuelva el dinero en caja.</source>
        <translation>It is a cash sale: Wompi did not charge it and there is nothing to void there. Give the money back from the till.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="234"/>
        <source>El pago ya está anulado (transacción {transaction_id}).</source>
        <translation>The payment is already voided (transaction {transaction_id}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="239"/>
        <source>El pago está {status}: no se cobró dinero, así que no hay nada que anular.</source>
        <translation>The payment is {status}: no money was charged, so there is nothing to void.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="249"/>
        <source>La transacción {tx_id} de Wompi no es de este pago.</source>
        <translation>Wompi transaction {tx_id} does not belong to this payment.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="254"/>
        <source>Wompi ya tiene este pago anulado; use «Consultar en Wompi» para ponerlo al día aquí.</source>
        <translation>Wompi already has this payment voided; use «Check with Wompi» to bring it up to date here.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="262"/>
        <source>Wompi tiene este pago {status}, no aprobado: no hay nada que anular. Use «Consultar en Wompi» para ponerlo al día aquí.</source>
        <translation>Wompi has this payment {status}, not approved: there is nothing to void. Use «Check with Wompi» to bring it up to date here.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="270"/>
        <source>un medio que no es tarjeta</source>
        <translation>a method other than a card</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="273"/>
        <source>Wompi solo anula pagos con tarjeta, y este se pagó con {method}. {refund}</source>
        <translation>Wompi only voids card payments, and this one was paid with {method}. {refund}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="290"/>
        <source>{card} Ojo: Wompi suele anular solo pagos del mismo día; si la rechaza, solicite el reembolso desde el panel de comercios de Wompi (comercios.wompi.co), en la transacción {tx_id}, o pídalo al soporte de Wompi.</source>
        <translation>{card} Note: Wompi usually voids only same-day payments; if it refuses, request the refund from Wompi&apos;s merchant dashboard (comercios.wompi.co), on transaction {tx_id}, or ask Wompi&apos;s support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="119"/>
        <source>anular pagos desde MeStore</source>
        <translation>void payments from MeStore</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="122"/>
        <source>{missing} {refund}</source>
        <translation>{missing} {refund}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="151"/>
        <source>Wompi recibió la anulación pero todavía muestra el pago {status}. Espere un minuto y use «Consultar en Wompi» antes de intentarlo otra vez.</source>
        <translation>Wompi received the void but still shows the payment {status}. Wait a minute and use «Check with Wompi» before trying again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="131"/>
        <source>No se pudo consultar el pago en Wompi: {exc}</source>
        <translation>Could not look up the payment at Wompi: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="166"/>
        <source>No se envió la anulación: {exc}</source>
        <translation>The void was not sent: {exc}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="184"/>
        <source>Wompi no anuló el pago: {exc} {refund}</source>
        <translation>Wompi did not void the payment: {exc} {refund}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/voids.py" line="175"/>
        <source>Wompi no respondió y no se sabe si anuló el pago. No lo intente de nuevo todavía: use «Consultar en Wompi» en unos minutos para ver su estado.</source>
        <translation>Wompi did not answer and it is not known whether it voided the payment. Do not try again yet: use «Check with Wompi» in a few minutes to see its status.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="114"/>
        <source>Ambiente</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/services/connection.py" line="96"/>
        <location filename="../../mestore_desktop/settings.py" line="115"/>
        <source>Llave pública</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="215"/>
        <source>Corrige o borra el archivo {path} y vuelve a abrir MeStore.</source>
        <translation>Fix or delete the file {path} and open MeStore again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="116"/>
        <source>URL de la API</source>
        <translation>API URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="117"/>
        <source>URL del checkout</source>
        <translation>Checkout URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="118"/>
        <source>URL del relay</source>
        <translation>Relay URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="119"/>
        <source>Id de la terminal</source>
        <translation>Terminal id</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="120"/>
        <source>Nombre del comercio</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="121"/>
        <source>NIT</source>
        <translation>NIT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="122"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="123"/>
        <source>Servidor SMTP</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="124"/>
        <source>Puerto SMTP</source>
        <translation>SMTP port</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="125"/>
        <source>Seguridad SMTP</source>
        <translation>SMTP security</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="126"/>
        <source>Usuario SMTP</source>
        <translation>SMTP user</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="127"/>
        <source>Correo remitente</source>
        <translation>Sender e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="128"/>
        <source>Minutos para pagar un cobro</source>
        <translation>Minutes to pay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="143"/>
        <source>{label}: {why}</source>
        <translation>{label}: {why}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="167"/>
        <source>use &apos;sandbox&apos; o &apos;production&apos;.</source>
        <translation>use &apos;sandbox&apos; or &apos;production&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="174"/>
        <source>debe ser la llave pública de Wompi, que empieza por &apos;pub_test_&apos; o &apos;pub_prod_&apos;.</source>
        <translation>must be the Wompi public key, which starts with &apos;pub_test_&apos; or &apos;pub_prod_&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="185"/>
        <source>debe ser una dirección web completa, por ejemplo https://...</source>
        <translation>must be a full web address, for example https://...</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="187"/>
        <source>debe usar https (http solo se permite para localhost).</source>
        <translation>must use https (http is only allowed for localhost).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="190"/>
        <source>no puede llevar usuario, contraseña ni parámetros (?...).</source>
        <translation>cannot carry a user name, password or parameters (?...).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="195"/>
        <source>use de 1 a 8 letras mayúsculas o dígitos, por ejemplo T01.</source>
        <translation>use 1 to 8 capital letters or digits, for example T01.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="202"/>
        <source>escriba un nombre de 1 a {max_store_name} caracteres.</source>
        <translation>type a name of 1 to {max_store_name} characters.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="211"/>
        <source>use solo dígitos y, si quiere, &apos;-&apos; y el dígito de verificación.</source>
        <translation>use digits only and, if you wish, &apos;-&apos; and the check digit.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="216"/>
        <source>el dígito de verificación no corresponde al NIT; revíselo en el RUT.</source>
        <translation>the check digit does not match the NIT; check it on the RUT.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="235"/>
        <source>use &apos;es&apos; o &apos;en&apos;.</source>
        <translation>use &apos;es&apos; or &apos;en&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="240"/>
        <source>escriba solo el nombre del servidor, por ejemplo smtp.gmail.com.</source>
        <translation>type only the server name, for example smtp.gmail.com.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="256"/>
        <source>use un número de puerto entre 1 y 65535 (587 o 465 casi siempre).</source>
        <translation>use a port number between 1 and 65535 (almost always 587 or 465).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="267"/>
        <source>use un número de minutos entre {low} y {high} (30 es lo usual).</source>
        <translation>use a number of minutes between {low} and {high} (30 is usual).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="277"/>
        <source>use &apos;none&apos;, &apos;starttls&apos; o &apos;ssl&apos;.</source>
        <translation>use &apos;none&apos;, &apos;starttls&apos; or &apos;ssl&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="284"/>
        <source>escriba el usuario en una línea, sin espacios al principio o al final.</source>
        <translation>type the user name on one line, without spaces at the start or the end.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="292"/>
        <source>escriba una dirección de correo como ventas@mitienda.co.</source>
        <translation>type an e-mail address such as sales@mystore.co.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="345"/>
        <source>parece una llave privada o un secreto de Wompi. Los secretos no se guardan en los ajustes sino en el llavero del sistema (Ajustes &gt; Secretos).</source>
        <translation>looks like a Wompi private key or secret. Secrets are not kept in the settings but in the system keyring (Settings &gt; Secrets).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="355"/>
        <source>debe ser un texto.</source>
        <translation>must be text.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="372"/>
        <source>debe ser un número entero.</source>
        <translation>must be a whole number.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="384"/>
        <source>Ajuste &apos;{key}&apos; desconocido. Los ajustes son: {editable_keys}.</source>
        <translation>Unknown setting &apos;{key}&apos;. The settings are: {editable_keys}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="406"/>
        <source>en el ambiente {environment} la llave pública debe empezar por &apos;{prefix}&apos;.</source>
        <translation>in the {environment} environment the public key must start with &apos;{prefix}&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="417"/>
        <source>escriba la dirección desde la que se envían los recibos.</source>
        <translation>type the address receipts are sent from.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="426"/>
        <source>con usuario y contraseña use &apos;starttls&apos; o &apos;ssl&apos;; sin cifrado solo se permite un servidor en este mismo equipo (localhost).</source>
        <translation>with a user name and password use &apos;starttls&apos; or &apos;ssl&apos;; without encryption only a server on this same computer (localhost) is allowed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="580"/>
        <source>El archivo de ajustes &apos;{path}&apos; está dañado (se esperaba un objeto JSON).</source>
        <translation>The settings file &apos;{path}&apos; is damaged (a JSON object was expected).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="591"/>
        <source>El archivo de ajustes &apos;{path}&apos; tiene un &apos;schema_version&apos; inválido.</source>
        <translation>The settings file &apos;{path}&apos; has an invalid &apos;schema_version&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="599"/>
        <source>El archivo de ajustes &apos;{path}&apos; es de una versión más nueva de MeStore (esquema {version}; esta versión entiende hasta el {schema_version}). Actualice la aplicación.</source>
        <translation>The settings file &apos;{path}&apos; is from a newer version of MeStore (schema {version}; this version understands up to {schema_version}). Update the application.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="506"/>
        <source>El archivo de ajustes &apos;{path}&apos; tiene un ajuste desconocido &apos;{key}&apos;; corríjalo o bórrelo.</source>
        <translation>The settings file &apos;{path}&apos; has an unknown setting &apos;{key}&apos;; fix it or delete it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="561"/>
        <source>No se pudo leer el archivo de ajustes &apos;{path}&apos; ({error_type}).</source>
        <translation>Could not read the settings file &apos;{path}&apos; ({error_type}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="571"/>
        <source>El archivo de ajustes &apos;{path}&apos; está dañado (JSON inválido en la línea {lineno}). Corríjalo o bórrelo para volver a los valores por defecto.</source>
        <translation>The settings file &apos;{path}&apos; is damaged (invalid JSON on line {lineno}). Fix it or delete it to go back to the defaults.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/settings.py" line="520"/>
        <source>El archivo de ajustes &apos;{path}&apos; tiene un valor inválido en &apos;{key}&apos; ({label}): {reason}</source>
        <translation>The settings file &apos;{path}&apos; has an invalid value in &apos;{key}&apos; ({label}): {reason}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="508"/>
        <source>La página pedida no corresponde a este orden; vuelva al inicio.</source>
        <translation>The requested page does not belong to this sort order; go back to the start.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="181"/>
        <source>Una página tiene entre 1 y {max_page_size} pedidos.</source>
        <translation>A page has between 1 and {max_page_size} orders.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="199"/>
        <source>Se leen entre 1 y {max_page} pedidos a la vez.</source>
        <translation>Between 1 and {max_page} orders are read at a time.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="218"/>
        <source>Se piden hasta {max_page} pedidos a la vez.</source>
        <translation>Up to {max_page} orders are requested at a time.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/browse_repository.py" line="430"/>
        <source>Indique el rango de días.</source>
        <translation>Give the range of days.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/db.py" line="164"/>
        <source>No se pudo leer o guardar en la base de datos local; detalles en el registro.</source>
        <translation>Could not read or save in the local database; details in the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/db.py" line="146"/>
        <source>La base de datos está ocupada por otra operación; intente de nuevo en un momento.</source>
        <translation>The database is busy with another operation; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/db.py" line="152"/>
        <source>El archivo de la base de datos está dañado o no es de MeStore; no se tocó. Restaure una copia de seguridad o llame a soporte.</source>
        <translation>The database file is damaged or is not MeStore&apos;s; it was not touched. Restore a backup or call support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/db.py" line="159"/>
        <source>No hay espacio en el disco para guardar; libere espacio e intente de nuevo.</source>
        <translation>There is no disk space left to save; free some space and try again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/db.py" line="190"/>
        <source>No se pudo crear la base de datos en «{path}»: {strerror}.</source>
        <translation>Could not create the database at «{path}»: {strerror}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/errors.py" line="23"/>
        <source>No hay ningún intento de pago con la referencia «{reference}».</source>
        <translation>There is no payment attempt with reference «{reference}».</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/errors.py" line="33"/>
        <source>No existe el pedido número {number}.</source>
        <translation>Order number {number} does not exist.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/link_repository.py" line="50"/>
        <source>No hay un link de pago {link_id} en este equipo.</source>
        <translation>There is no payment link {link_id} on this computer.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="63"/>
        <source>El día {day} de la terminal {terminal_id} ya está cerrado (por {closed_by}). Para cerrarlo de nuevo, reábralo indicando el motivo.</source>
        <translation>Day {day} for terminal {terminal_id} is already closed (by {closed_by}). To close it again, reopen it giving the reason.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="79"/>
        <source>El día {day} de la terminal {terminal_id} no está cerrado; no hay nada que reabrir.</source>
        <translation>Day {day} for terminal {terminal_id} is not closed; there is nothing to reopen.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="90"/>
        <source>Indique el motivo para reabrir el día; queda en el registro.</source>
        <translation>Give the reason to reopen the day; it goes into the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="95"/>
        <source>Indique quién hace el cierre; queda en el registro.</source>
        <translation>Give who closes the day; it goes into the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="247"/>
        <source>El cierre guardado del día {day} de la terminal {terminal_id} está dañado; detalles en el registro.</source>
        <translation>The saved close of day {day} for terminal {terminal_id} is damaged; details in the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/reconciliation_repository.py" line="68"/>
        <source>alguien</source>
        <translation>someone</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/repositories.py" line="85"/>
        <source>El intento {reference} no es un pago aprobado después de anularlo; no hay nada que confirmar.</source>
        <translation>Attempt {reference} is not a payment approved after it was voided; there is nothing to confirm.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/store/repositories.py" line="97"/>
        <source>No hay un pago doble registrado con el número {duplicate_id}.</source>
        <translation>There is no double payment recorded with number {duplicate_id}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/feed.py" line="302"/>
        <source>Conectado al relay.</source>
        <translation>Connected to the relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/feed.py" line="278"/>
        <source>{problem} Sin conexión con el relay tras {failures} intentos; se consulta Wompi directamente.</source>
        <translation>{problem} No connection to the relay after {failures} attempts; Wompi is asked directly.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="27"/>
        <source>Relay sin configurar: se consulta Wompi directamente.</source>
        <translation>Relay not configured: Wompi is asked directly.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="28"/>
        <source>Conectando con el relay…</source>
        <translation>Connecting to the relay…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="114"/>
        <source>{events} de Wompi sin confirmar: se vuelven a consultar.</source>
        <translation>{events} from Wompi not confirmed yet: asking again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="119"/>
        <source>{events} de Wompi sin confirmar tras varias consultas: quedan para la búsqueda por fechas.</source>
        <translation>{events} from Wompi still not confirmed after several tries: left for the search by dates.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="128"/>
        <source>1 evento</source>
        <translation>1 event</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/hub.py" line="128"/>
        <source>{count} eventos</source>
        <translation>{count} events</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="45"/>
        <source>No se pudo consultar el relay.</source>
        <translation>Could not query the relay.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="55"/>
        <source>El relay rechazó el token de esta caja. Revise el token del relay en Ajustes &gt; Secretos.</source>
        <translation>The relay refused this counter&apos;s token. Check the relay token in Settings &gt; Secrets.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="61"/>
        <source>El relay ya no guarda los eventos desde el último que recibió esta caja; se consultará Wompi directamente para cubrir ese periodo.</source>
        <translation>The relay no longer keeps the events since the last one this counter received; Wompi will be asked directly to cover that period.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="68"/>
        <source>El relay no responde en este momento; se reintentará.</source>
        <translation>The relay is not answering right now; it will be retried.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="82"/>
        <source>El relay pidió esperar antes de volver a consultar.</source>
        <translation>The relay asked to wait before querying again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="90"/>
        <source>El relay respondió con datos que no se pueden leer (campo «{field}»).</source>
        <translation>The relay answered with data that cannot be read (field «{field}»).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="163"/>
        <source>Falta el token del relay de esta caja (Ajustes &gt; Secretos).</source>
        <translation>This counter&apos;s relay token is missing (Settings &gt; Secrets).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/sync/relay_client.py" line="177"/>
        <source>El relay no respondió a tiempo; se reintentará.</source>
        <translation>The relay did not answer in time; it will be retried.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="60"/>
        <source>No se pudo guardar el recibo en {path}: {reason}.</source>
        <translation>Could not save the receipt in {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="71"/>
        <source>No se pudo imprimir el recibo en «{printer}». Revise que la impresora esté encendida y conectada, o guarde el recibo en PDF.</source>
        <translation>Could not print the receipt on «{printer}». Check that the printer is on and connected, or save the receipt as PDF.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reports/day_close_json.py" line="51"/>
        <source>El cierre debe ser un objeto JSON.</source>
        <translation>The day close must be a JSON object.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="68"/>
        <source>La hora de vencimiento debe tener zona horaria.</source>
        <translation>The expiry time must have a time zone.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="108"/>
        <source>La URL del checkout no es válida.</source>
        <translation>The checkout URL is not valid.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="110"/>
        <source>Falta la llave pública de Wompi (pub_test_… o pub_prod_…).</source>
        <translation>The Wompi public key is missing (pub_test_… or pub_prod_…).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="112"/>
        <source>Falta el secreto de integridad: guárdelo en Ajustes.</source>
        <translation>The integrity secret is missing: save it in Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="114"/>
        <source>La referencia solo admite letras, dígitos, &apos;-&apos; y &apos;_&apos;.</source>
        <translation>The reference takes only letters, digits, &apos;-&apos; and &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="117"/>
        <source>El monto debe ser un número entero de centavos mayor que cero.</source>
        <translation>The amount must be a whole number of cents greater than zero.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="119"/>
        <source>Wompi solo cobra pesos completos (centavos en 00).</source>
        <translation>Wompi only charges whole pesos (cents at 00).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/checkout.py" line="121"/>
        <source>Tipo de documento no admitido por Wompi.</source>
        <translation>Document type not accepted by Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/client.py" line="66"/>
        <source>Falta la llave privada de Wompi. Configúrela en Ajustes para consultar, anular o crear links de pago.</source>
        <translation>The Wompi private key is missing. Set it in Settings to look up, void or create payment links.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/client.py" line="70"/>
        <source>Falta la llave pública de Wompi. Cópiela del dashboard de Wompi (Desarrolladores › Llaves) en Ajustes.</source>
        <translation>The Wompi public key is missing. Copy it from the Wompi dashboard (Desarrolladores › Llaves) into Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/client.py" line="517"/>
        <source>Wompi no anuló la transacción (resultado de la anulación: {status}).</source>
        <translation>Wompi did not void the transaction (void result: {status}).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="33"/>
        <source>Wompi no pudo completar la operación.</source>
        <translation>Wompi could not complete the operation.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="66"/>
        <source>Wompi rechazó la llave configurada. Revise en Ajustes que las llaves sean las correctas y del mismo ambiente (pruebas o producción).</source>
        <translation>Wompi refused the configured key. Check in Settings that the keys are the right ones and of the same environment (test or production).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="73"/>
        <source>Wompi no encontró lo que se buscaba (transacción, link o comercio).</source>
        <translation>Wompi did not find what was looked for (transaction, link or merchant).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="81"/>
        <source>Wompi rechazó los datos enviados.</source>
        <translation>Wompi refused the data sent.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="105"/>
        <source>No fue posible comunicarse con Wompi en este momento. Intente de nuevo en unos minutos.</source>
        <translation>Wompi cannot be reached right now. Try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="125"/>
        <source>Wompi no respondió a tiempo. Intente de nuevo en unos minutos.</source>
        <translation>Wompi did not answer in time. Try again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="131"/>
        <source>Wompi falló varias veces seguidas; se pausan las consultas unos segundos antes de volver a intentar.</source>
        <translation>Wompi failed several times in a row; queries pause for a few seconds before trying again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="140"/>
        <source>Wompi respondió con datos que no se pueden leer.</source>
        <translation>Wompi answered with data that cannot be read.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="207"/>
        <source>Wompi rechazó los datos enviados. {details}</source>
        <translation>Wompi refused the data sent. {details}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="170"/>
        <source>Wompi rechazó la solicitud (HTTP {status}). Si se repite, contacte a soporte.</source>
        <translation>Wompi refused the request (HTTP {status}). If it happens again, contact support.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/wompi/errors.py" line="145"/>
        <source>Wompi respondió con datos que no se pueden leer (campo «{field}»).</source>
        <translation>Wompi answered with data that cannot be read (field «{field}»).</translation>
    </message>
</context>
</TS>
