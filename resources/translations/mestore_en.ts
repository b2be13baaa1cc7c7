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
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="77"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="78"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CajaPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="73"/>
        <source>Caja</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="79"/>
        <source>Pantalla del cliente  F9</source>
        <translation>Customer display  F9</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="80"/>
        <source>Pantalla del cliente</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="83"/>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="84"/>
        <source>Importar catálogo…</source>
        <translation>Import catalogue…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="165"/>
        <source>La caja no está configurada: complete Ajustes.</source>
        <translation>The counter is not set up: complete Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="309"/>
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
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="33"/>
        <source>Catálogo CSV (*.csv *.txt)</source>
        <translation>CSV catalogue (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="49"/>
        <source>Productos importados: %1 (nuevos %2, actualizados %3).</source>
        <translation>Products imported: %1 (%2 new, %3 updated).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="57"/>
        <source>Filas con errores (no se importaron): %1</source>
        <translation>Rows with errors (not imported): %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/catalogue_import.py" line="64"/>
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
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="58"/>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="59"/>
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="62"/>
        <source>Comprueba las llaves con Wompi antes de la primera venta.</source>
        <translation>Check the keys with Wompi before the first sale.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="63"/>
        <source>Resultado de la prueba de conexión</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="81"/>
        <source>Probando la conexión con Wompi…</source>
        <translation>Testing the connection with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="100"/>
        <source>No se pudo probar la conexión.</source>
        <translation>The connection could not be tested.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="115"/>
        <source>Todo en orden: MeStore puede cobrar con Wompi.</source>
        <translation>All good: MeStore can take payments with Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="117"/>
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
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="49"/>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="50"/>
        <source>Cliente (opcional)</source>
        <translation>Customer (optional)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="52"/>
        <source>Nombre del cliente</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="53"/>
        <source>Correo electrónico</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="55"/>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="93"/>
        <source>Teléfono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="58"/>
        <source>Tipo de documento</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="63"/>
        <source>Número de documento</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="91"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="92"/>
        <source>Correo</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/customer_panel.py" line="94"/>
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
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="112"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="164"/>
        <source>Cierre del día</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="133"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="141"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="138"/>
        <source>Estado del cierre</source>
        <translation>Close status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="140"/>
        <source>Terminal {terminal}</source>
        <translation>Terminal {terminal}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="147"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="150"/>
        <source>Por medio de pago</source>
        <translation>By tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="148"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="151"/>
        <source>Por método de Wompi</source>
        <translation>By Wompi method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="152"/>
        <source>Pagos pendientes</source>
        <translation>Pending payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="153"/>
        <source>Colas sin resolver</source>
        <translation>Unresolved queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="156"/>
        <source>Pagos pendientes (pasan al día siguiente)</source>
        <translation>Pending payments (carried into the next day)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="159"/>
        <source>Colas de conciliación sin resolver</source>
        <translation>Unresolved reconciliation queues</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="186"/>
        <source>Medio</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="186"/>
        <source>Cantidad</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="186"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="334"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="207"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="209"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="227"/>
        <source>Efectivo esperado</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="211"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="228"/>
        <source>Efectivo contado</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="212"/>
        <source>Por ejemplo 250.000</source>
        <translation>For example 250.000</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="217"/>
        <source>Diferencia</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="222"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="229"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="224"/>
        <source>Opcional: por qué sobra o falta efectivo, quién contó…</source>
        <translation>Optional: why cash is over or short, who counted…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="238"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="239"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="443"/>
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="240"/>
        <source>Cerrar el día</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="241"/>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="322"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="322"/>
        <source>Salir</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="341"/>
        <source>Sin ventas aprobadas</source>
        <translation>No approved sales</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="361"/>
        <source>Pedido {n} · {reference} · {method} · {amount} · {day}</source>
        <translation>Order {n} · {reference} · {method} · {amount} · {day}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="370"/>
        <source>Ninguno.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="378"/>
        <source>Ninguna registrada. Concilie el día para saberlo con certeza.</source>
        <translation>None recorded. Reconcile the day to know for sure.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="381"/>
        <source>Ninguna: la conciliación del día está al día.</source>
        <translation>None: the day&apos;s reconciliation is up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="430"/>
        <source>Día cerrado. Puede guardar el PDF del cierre.</source>
        <translation>Day closed. You can save the close as a PDF.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="437"/>
        <source>Reabrir el día</source>
        <translation>Reopen the day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="439"/>
        <source>El cierre del {day} de la terminal {terminal} quedará abierto hasta que se cierre de nuevo. Escriba por qué.</source>
        <translation>The close of {day} for terminal {terminal} stays open until it is closed again. Write why.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="464"/>
        <source>Día reabierto. Corrija lo necesario y ciérrelo de nuevo.</source>
        <translation>Day reopened. Correct what is needed and close it again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="494"/>
        <source>Guardar cierre en PDF</source>
        <translation>Save the close as a PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="498"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="516"/>
        <source>No se pudo guardar el PDF en {path}: revise que la carpeta exista y se pueda escribir en ella.</source>
        <translation>The PDF could not be saved at {path}: check that the folder exists and can be written to.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/day_close/dialog.py" line="522"/>
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
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="178"/>
        <source>Descuento</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="182"/>
        <source>Porcentaje (%)</source>
        <translation>Percent (%)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="183"/>
        <source>Valor en pesos</source>
        <translation>Amount in pesos</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="190"/>
        <source>Valor del descuento</source>
        <translation>Discount value</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="200"/>
        <source>%1 — valor de la línea %2</source>
        <translation>%1 — line value %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="222"/>
        <source>El descuento (%1) no puede ser mayor que el valor de la línea (%2).</source>
        <translation>The discount (%1) cannot be larger than the line value (%2).</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="237"/>
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
        <location filename="../../mestore_desktop/ui/i18n.py" line="257"/>
        <source>Español</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/i18n.py" line="258"/>
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
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="128"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="129"/>
        <source>Precio unitario (IVA incluido)</source>
        <translation>Unit price (VAT included)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="130"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="131"/>
        <source>Cantidad</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="132"/>
        <source>Total de la línea</source>
        <translation>Line total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/line_dialogs.py" line="146"/>
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
        <location filename="../../mestore_desktop/ui/links/form.py" line="79"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="167"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="79"/>
        <source>Lo ve el cliente al pagar</source>
        <translation>The customer sees it when paying</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="81"/>
        <source>Máximo %1 caracteres: Wompi lo muestra como título del pago.</source>
        <translation>At most %1 characters: Wompi shows it as the payment&apos;s title.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="85"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="168"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="85"/>
        <source>Qué está pagando</source>
        <translation>What is being paid for</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="86"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="87"/>
        <source>Monto fijo</source>
        <translation>Fixed amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="88"/>
        <source>Monto abierto (lo escribe el cliente)</source>
        <translation>Open amount (the customer types it)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="89"/>
        <source>Monto abierto</source>
        <translation>Open amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="93"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="169"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="96"/>
        <source>Un solo uso</source>
        <translation>Single use</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="97"/>
        <source>El link deja de aceptar pagos después del primero.</source>
        <translation>The link stops taking payments after the first one.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="98"/>
        <source>Vence</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="102"/>
        <source>Fecha y hora de vencimiento</source>
        <translation>Expiry date and time</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="103"/>
        <source>Hora de Colombia</source>
        <translation>Colombia time</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="105"/>
        <source>(Colombia)</source>
        <translation>(Colombia)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="107"/>
        <source>Pedir dirección de envío</source>
        <translation>Ask for a shipping address</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="109"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="174"/>
        <source>URL de retorno</source>
        <translation>Return URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="109"/>
        <source>Opcional: https://mitienda.co/gracias</source>
        <translation>Optional: https://mystore.co/thanks</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="112"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="175"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="112"/>
        <source>Opcional, máximo %1</source>
        <translation>Optional, at most %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="117"/>
        <location filename="../../mestore_desktop/ui/links/form.py" line="176"/>
        <source>IVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="118"/>
        <source>No indicar</source>
        <translation>Do not state</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="235"/>
        <source>Para el pedido %1</source>
        <translation>For order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/form.py" line="317"/>
        <source>Escriba el valor del link, o elija «Monto abierto» si lo pone el cliente.</source>
        <translation>Type the link&apos;s amount, or choose &quot;Open amount&quot; if the customer sets it.</translation>
    </message>
</context>
<context>
    <name>LinkResultPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="83"/>
        <source>URL del link</source>
        <translation>Link URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="85"/>
        <source>Código QR del link</source>
        <translation>Link QR code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="86"/>
        <location filename="../../mestore_desktop/ui/links/result.py" line="187"/>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="87"/>
        <source>Compartir por WhatsApp</source>
        <translation>Share on WhatsApp</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="88"/>
        <source>Enviar por correo</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="89"/>
        <source>Guardar QR (PNG)</source>
        <translation>Save QR (PNG)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="90"/>
        <source>Guardar QR (SVG)</source>
        <translation>Save QR (SVG)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="141"/>
        <source>Monto: %1</source>
        <translation>Amount: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="142"/>
        <source>Un solo uso</source>
        <translation>Single use</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="142"/>
        <source>Varios pagos</source>
        <translation>Several payments</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="146"/>
        <source>Pedido %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="158"/>
        <source>Este link ya no acepta pagos: cree uno nuevo para cobrar.</source>
        <translation>This link no longer takes payments: create a new one to charge.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="165"/>
        <source>El correo no está configurado: complete Ajustes › Correo.</source>
        <translation>E-mail is not set up: fill in Settings › E-mail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="182"/>
        <source>✔ Copiado</source>
        <translation>✔ Copied</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="184"/>
        <source>Copiado: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="200"/>
        <source>Se abrió WhatsApp con el mensaje listo; elija el chat y envíelo.</source>
        <translation>WhatsApp opened with the message ready; pick the chat and send it.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="204"/>
        <source>No se pudo abrir WhatsApp en este equipo. Copie el link y péguelo en el chat.</source>
        <translation>WhatsApp could not be opened on this computer. Copy the link and paste it into the chat.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="216"/>
        <source>Enviar link por correo</source>
        <translation>Send link by e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="217"/>
        <source>Correo del cliente:</source>
        <translation>Customer e-mail:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="219"/>
        <source>Enviar</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="220"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="223"/>
        <source>Correo del cliente</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="237"/>
        <source>Enviando el link a %1…</source>
        <translation>Sending the link to %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="241"/>
        <source>El link se envió a %1.</source>
        <translation>The link was sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="253"/>
        <source>Guardar código QR</source>
        <translation>Save QR code</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="258"/>
        <source>Imagen SVG (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="260"/>
        <source>Imagen PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/links/result.py" line="274"/>
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
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="54"/>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="55"/>
        <source>Enviar correo de prueba</source>
        <translation>Send test e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="58"/>
        <source>La prueba envía un correo al remitente con los ajustes guardados.</source>
        <translation>The test sends an e-mail to the sender address using the saved settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="60"/>
        <source>Resultado de la prueba de correo</source>
        <translation>Test e-mail result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="85"/>
        <source>Guarde los ajustes antes de probar: la prueba usa los ajustes guardados.</source>
        <translation>Save the settings before testing: the test uses the saved settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="97"/>
        <source>Enviando un correo de prueba a {address}…</source>
        <translation>Sending a test e-mail to {address}…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="114"/>
        <source>Listo: se envió un correo de prueba a {address}. Revise esa bandeja.</source>
        <translation>Done: a test e-mail was sent to {address}. Check that inbox.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/mail_panel.py" line="124"/>
        <source>No se envió el correo de prueba.</source>
        <translation>The test e-mail was not sent.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="71"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="138"/>
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
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="225"/>
        <source>Todas las terminales</source>
        <translation>All terminals</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="232"/>
        <source>Todos los medios</source>
        <translation>All methods</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="233"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="234"/>
        <source>Wompi (todos)</source>
        <translation>Wompi (all)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/filter_bar.py" line="238"/>
        <source>Wompi · %1</source>
        <translation>Wompi · %1</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="103"/>
        <source>Pedidos</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="148"/>
        <source>Lista de pedidos</source>
        <translation>Order list</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="194"/>
        <source>Cargando pedidos</source>
        <translation>Loading orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="195"/>
        <source>Cargando pedidos…</source>
        <translation>Loading orders…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="197"/>
        <source>Exportar CSV…  Ctrl+S</source>
        <translation>Export CSV…  Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="198"/>
        <source>Exportar CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="200"/>
        <source>Guarda los pedidos que coinciden con los filtros en un archivo para Excel.</source>
        <translation>Saves the orders matching the filters in a file for Excel.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="203"/>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="204"/>
        <source>Cierre del día</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="206"/>
        <source>Totales esperados, efectivo contado y pendientes de esta terminal en el día.</source>
        <translation>This terminal&apos;s expected totals, counted cash and pending payments for the day.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="255"/>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="256"/>
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="426"/>
        <source>No se pudieron leer las terminales y medios de pago: %1</source>
        <translation>Could not read the terminals and payment methods: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="434"/>
        <source>No se pudieron cargar los pedidos: %1</source>
        <translation>Could not load the orders: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="458"/>
        <source>Ningún pedido coincide con los filtros. Pruebe otras fechas u otra búsqueda, o use «Limpiar filtros».</source>
        <translation>No order matches the filters. Try other dates or another search, or use “Clear filters”.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="462"/>
        <source>Todavía no hay ventas. Las ventas de la Caja aparecerán aquí con su estado de pago, que se actualiza solo cuando Wompi confirma.</source>
        <translation>No sales yet. Sales from the counter will appear here with their payment status, which updates by itself when Wompi confirms.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="468"/>
        <source>1 pedido cargado</source>
        <translation>1 order loaded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="470"/>
        <source>%1 pedidos cargados</source>
        <translation>%1 orders loaded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="472"/>
        <source> · baje para ver más</source>
        <translation> · scroll down for more</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="497"/>
        <source>Elija un pedido de la lista para ver su detalle.</source>
        <translation>Choose an order in the list to see its detail.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="516"/>
        <source>Cargando el pedido %1…</source>
        <translation>Loading order %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="530"/>
        <source>El pedido %1 ya no existe en esta base de datos.</source>
        <translation>Order %1 no longer exists in this database.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="544"/>
        <source>No se pudo leer el pedido %1: %2</source>
        <translation>Could not read order %1: %2</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="559"/>
        <source>Consultando el pedido %1 en Wompi…</source>
        <translation>Checking order %1 with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="572"/>
        <source>Wompi no tiene cambios para el pedido %1: el estado aquí está al día.</source>
        <translation>Wompi has no changes for order %1: the status here is up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="577"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="587"/>
        <source>Wompi cambió el pedido %1:</source>
        <translation>Wompi changed order %1:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="616"/>
        <source>Consultando en Wompi si el pago se puede anular…</source>
        <translation>Asking Wompi whether the payment can be voided…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="645"/>
        <source>No se puede anular</source>
        <translation>Cannot be voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="663"/>
        <source>Anulando el pago %1 en Wompi…</source>
        <translation>Voiding payment %1 at Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="676"/>
        <source>Pago %1 anulado: %2.</source>
        <translation>Payment %1 voided: %2.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="718"/>
        <source>El pedido %1 no tiene un pago aprobado: no hay recibo.</source>
        <translation>Order %1 has no approved payment: there is no receipt.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="751"/>
        <source>Exportando pedidos a %1…</source>
        <translation>Exporting orders to %1…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="785"/>
        <source>Se exportó 1 pedido a %1</source>
        <translation>1 order exported to %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="787"/>
        <source>Se exportaron %2 pedidos a %1</source>
        <translation>%2 orders exported to %1</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="96"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="97"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="98"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="99"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="100"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="101"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="102"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="174"/>
        <source>Clic para ordenar por esta columna</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="509"/>
        <source>Link · %1</source>
        <translation>Link · %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="518"/>
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
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="201"/>
        <source>Registrando el pago en efectivo…</source>
        <translation>Recording the cash payment…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="243"/>
        <source>No se pudo abrir el pago de Wompi. Si el cliente no alcanzó a pagar, cancele y cobre con QR o efectivo; si pagó, MeStore lo confirmará solo.</source>
        <translation>Wompi&apos;s payment page could not be opened. If the customer did not get to pay, cancel and charge by QR or cash; if they paid, MeStore will confirm it by itself.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="249"/>
        <source>Confirmando con Wompi…</source>
        <translation>Confirming with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="313"/>
        <source>El tiempo para pagar terminó sin un pago. Si el cliente alcanzó a pagar, MeStore lo detectará y le avisará.</source>
        <translation>The time to pay ran out without a payment. If the customer did manage to pay, MeStore will detect it and tell you.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="320"/>
        <source>El tiempo para pagar terminó.</source>
        <translation>The time to pay has run out.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="370"/>
        <source>Cancelar cobro</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="372"/>
        <source>¿Cancelar este cobro? Si el cliente alcanza a pagar, MeStore lo detectará y le avisará.</source>
        <translation>Cancel this payment? If the customer still manages to pay, MeStore will detect it and alert you.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="380"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="381"/>
        <source>Sí, cancelar</source>
        <translation>Yes, cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="382"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="383"/>
        <source>No, seguir esperando</source>
        <translation>No, keep waiting</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="456"/>
        <source>Transacción Wompi: %1</source>
        <translation>Wompi transaction: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="316"/>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="461"/>
        <source>Referencia: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="119"/>
        <source>Pago pendiente de una sesión anterior. MeStore lo sigue verificando con Wompi; puede verificarlo ahora o mostrar el QR al cliente otra vez.</source>
        <translation>Payment pending from an earlier session. MeStore keeps checking it with Wompi; you can check it now or show the QR to the customer again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="134"/>
        <source>Consultando a Wompi…</source>
        <translation>Asking Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="148"/>
        <source>Wompi aún no tiene un pago terminado con esta referencia. MeStore sigue verificando; si el cliente no va a pagar, cancele.</source>
        <translation>Wompi has no finished payment with this reference yet. MeStore keeps checking; if the customer is not going to pay, cancel.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/flow.py" line="466"/>
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
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="75"/>
        <source>— sin registro</source>
        <translation>— no record</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="77"/>
        <source>✔ Aprobado</source>
        <translation>✔ Approved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="78"/>
        <source>◔ Pendiente</source>
        <translation>◔ Pending</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="79"/>
        <source>✖ Rechazado</source>
        <translation>✖ Declined</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="80"/>
        <source>⚠ Error</source>
        <translation>⚠ Error</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="81"/>
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
        <location filename="../../mestore_desktop/ui/qr.py" line="90"/>
        <source>Código QR para pagar con el celular</source>
        <translation>QR code to pay with a phone</translation>
    </message>
</context>
<context>
    <name>QueueRowsModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="39"/>
        <source>✔ Estado de Wompi aplicado</source>
        <translation>✔ Wompi&apos;s status applied</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="42"/>
        <source>✔ Resuelta</source>
        <translation>✔ Resolved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="62"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="63"/>
        <source>Transacción</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="65"/>
        <source>Estado
en Wompi</source>
        <translation>Status
at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="66"/>
        <source>Estado
local</source>
        <translation>Local
status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="67"/>
        <source>Monto</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="68"/>
        <source>Monto
en MeStore</source>
        <translation>Amount
in MeStore</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="69"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="70"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="71"/>
        <source>Día</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="72"/>
        <source>Detalle</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_model.py" line="73"/>
        <source>Gestión</source>
        <translation>Handled</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="60"/>
        <source>Detalle de la fila</source>
        <translation>Row detail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="63"/>
        <source>Nada en esta cola para estos días.</source>
        <translation>Nothing in this queue for these days.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="85"/>
        <source>Filas de {queue}</source>
        <translation>Rows of {queue}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="117"/>
        <source>Aplicar estado de Wompi</source>
        <translation>Apply Wompi&apos;s status</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="119"/>
        <source>Marcar como resuelta</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="130"/>
        <source>(aprobado: {amount})</source>
        <translation>(approved: {amount})</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="157"/>
        <source>Seleccione en la tabla las filas que ya resolvió.</source>
        <translation>Select in the table the rows you have resolved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="167"/>
        <source>Detalle: {detail}</source>
        <translation>Detail: {detail}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="181"/>
        <source>Se aplica a las filas seleccionadas, o a todas si no hay ninguna.</source>
        <translation>Applies to the selected rows, or to all of them when none is selected.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/queue_tab.py" line="184"/>
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
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="146"/>
        <source>Recibo enviado a %1.</source>
        <translation>Receipt sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="157"/>
        <source>Guardar recibo</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="161"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="178"/>
        <source>Recibo guardado en %1</source>
        <translation>Receipt saved in %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="189"/>
        <source>Enviar recibo por correo</source>
        <translation>E-mail receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="191"/>
        <source>Correo del cliente:</source>
        <translation>Customer e-mail:</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="194"/>
        <source>Enviar</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="195"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="224"/>
        <source>Recibo</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="257"/>
        <source>Correo del cliente</source>
        <translation>Customer&apos;s e-mail</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/payment/receipt_actions.py" line="211"/>
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
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="15"/>
        <source>Conciliadas</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="16"/>
        <source>Pendientes resueltas en Wompi</source>
        <translation>Pending, settled at Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="19"/>
        <source>Montos distintos</source>
        <translation>Different amounts</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="22"/>
        <source>Sin pedido</source>
        <translation>No order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="23"/>
        <source>Pagadas sin Wompi</source>
        <translation>Paid without Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="26"/>
        <source>Pago doble</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="27"/>
        <source>Aprobado tras cancelar</source>
        <translation>Approved after cancel</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="37"/>
        <source>Pagos que coinciden en MeStore y en Wompi: mismo estado, monto y moneda.</source>
        <translation>Payments MeStore and Wompi agree on: same status, amount and currency.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="41"/>
        <source>Pendientes en MeStore pero ya finales en Wompi. «Aplicar estado de Wompi» los pone al día.</source>
        <translation>Pending in MeStore but already final at Wompi. “Apply Wompi&apos;s status” brings them up to date.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="46"/>
        <source>La misma referencia con otro monto o moneda en Wompi. Revise el pedido y el cobro.</source>
        <translation>The same reference with another amount or currency at Wompi. Check the order and the charge.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="50"/>
        <source>Transacciones de Wompi que no corresponden a ningún pedido de MeStore.</source>
        <translation>Wompi transactions that belong to no MeStore order.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="54"/>
        <source>Pedidos pagados por Wompi en MeStore sin una transacción aprobada en Wompi.</source>
        <translation>Orders paid through Wompi in MeStore with no approved transaction at Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="58"/>
        <source>Pedidos con dos o más pagos aprobados. Devuelva los sobrantes desde el panel de comercios de Wompi.</source>
        <translation>Orders with two or more approved payments. Refund the extra ones from Wompi&apos;s merchant dashboard.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="63"/>
        <source>Aprobados en Wompi después de cancelar el pago o el pedido. Entregue la compra o devuelva el dinero.</source>
        <translation>Approved at Wompi after the payment or the order was cancelled. Hand over the purchase or refund the money.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="103"/>
        <source>1 transacción · {total}</source>
        <translation>1 transaction · {total}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/reconciliation/words.py" line="105"/>
        <source>{n} transacciones · {total}</source>
        <translation>{n} transactions · {total}</translation>
    </message>
</context>
<context>
    <name>RelayStatusPresenter</name>
    <message>
        <location filename="../../mestore_desktop/ui/sync_status.py" line="84"/>
        <source>último evento {age}</source>
        <translation>last event {age}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/sync_status.py" line="97"/>
        <source>Conectando con el relay…</source>
        <translation>Connecting to the relay…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/sync_status.py" line="100"/>
        <source>Relay sin configurar: se consulta Wompi directamente.</source>
        <translation>Relay not configured: Wompi is asked directly.</translation>
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
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="208"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="355"/>
        <source>La venta no tiene productos.</source>
        <translation>The sale has no items.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="89"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="267"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="268"/>
        <source>Monto libre</source>
        <translation>Free amount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="90"/>
        <source>Descuento</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="91"/>
        <source>Editar</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="92"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="92"/>
        <source>Supr</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="279"/>
        <source>Editar línea</source>
        <translation>Edit line</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="304"/>
        <source>Cancelar venta</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="305"/>
        <source>¿Cancelar la venta?</source>
        <translation>Cancel the sale?</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="306"/>
        <source>Se quitarán todos los productos y los datos del cliente.</source>
        <translation>All items and the customer data will be removed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="308"/>
        <source>Sí, cancelar la venta</source>
        <translation>Yes, cancel the sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="310"/>
        <source>No, seguir vendiendo</source>
        <translation>No, keep selling</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="357"/>
        <source>Seleccione una línea con ↑ y ↓.</source>
        <translation>Select a line with ↑ and ↓.</translation>
    </message>
</context>
<context>
    <name>SecretsPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="29"/>
        <source>Llave privada de Wompi</source>
        <translation>Wompi private key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="30"/>
        <source>Secreto de eventos</source>
        <translation>Events secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="31"/>
        <source>Secreto de integridad</source>
        <translation>Integrity secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="32"/>
        <source>Token del relay</source>
        <translation>Relay token</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="33"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="62"/>
        <source>Escribe o pega el valor nuevo</source>
        <translation>Type or paste the new value</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="63"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="64"/>
        <source>Borrar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="87"/>
        <source>Guardado</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="89"/>
        <source>Sin configurar</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="158"/>
        <source>Ambiente {environment}. Los secretos se guardan en el llavero del sistema y nunca se vuelven a mostrar; para cambiar uno, escribe el valor nuevo.</source>
        <translation>Environment {environment}. Secrets are kept in the system keyring and are never shown again; to change one, type the new value.</translation>
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
        <location filename="../../mestore_desktop/ui/settings/page.py" line="70"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="128"/>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="75"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="76"/>
        <source>Guardar ajustes</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="80"/>
        <source>Resultado de guardar</source>
        <translation>Save result</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="90"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="109"/>
        <source>No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay, MeStore nunca sabría si un pago por QR se aprobó. Guarde la llave privada en Secretos, o la URL del relay aquí y su token en Secretos. El efectivo funciona igual.</source>
        <translation>Wompi charges are blocked: without the Wompi private key or a relay, MeStore would never know whether a QR payment was approved. Save the private key under Secrets, or the relay URL here and its token under Secrets. Cash works as before.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="133"/>
        <source>Secretos</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="135"/>
        <source>Conexión con Wompi</source>
        <translation>Connection with Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="168"/>
        <source>No se guardaron los ajustes.</source>
        <translation>The settings were not saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="201"/>
        <source>No se guardó nada. {field}: {message}</source>
        <translation>Nothing was saved. {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="205"/>
        <source>No se guardó nada; revisa estos campos: {fields}.</source>
        <translation>Nothing was saved; check these fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="218"/>
        <source>Ajustes guardados.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="220"/>
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
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="171"/>
        <source>Pago anulado</source>
        <translation>Payment voided</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="178"/>
        <source>Pago anulado: %1</source>
        <translation>Payment voided: %1</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="184"/>
        <source>Pedido %1 · referencia %2 · transacción %3.
Motivo: %4</source>
        <translation>Order %1 · reference %2 · transaction %3.
Reason: %4</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="196"/>
        <source>Imprimir comprobante</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="197"/>
        <source>Guardar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="198"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="238"/>
        <source>Comprobante enviado a %1.</source>
        <translation>Slip sent to %1.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="245"/>
        <source>Guardar comprobante de anulación</source>
        <translation>Save void slip</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="249"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/orders/void_receipt.py" line="264"/>
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
        <location filename="../../mestore_desktop/app.py" line="142"/>
        <source>Corrige o borra el archivo {path} y vuelve a abrir MeStore.</source>
        <translation>Fix or delete the file {path} and open MeStore again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="160"/>
        <source>No se pudo iniciar el sandbox local de Wompi.</source>
        <translation>The local Wompi sandbox could not be started.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="427"/>
        <source>MeStore no puede abrir</source>
        <translation>MeStore cannot start</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="39"/>
        <source>Ocurrió un error inesperado; los detalles quedaron en el registro.</source>
        <translation>An unexpected error occurred; the details were written to the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="54"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
</context>
</TS>
