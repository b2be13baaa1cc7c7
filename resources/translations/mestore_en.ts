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
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="69"/>
        <source>Caja</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="75"/>
        <source>Pantalla del cliente  F9</source>
        <translation>Customer display  F9</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="76"/>
        <source>Pantalla del cliente</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="79"/>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="80"/>
        <source>Importar catálogo…</source>
        <translation>Import catalogue…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="154"/>
        <source>La caja no está configurada: complete Ajustes.</source>
        <translation>The counter is not set up: complete Settings.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="284"/>
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
        <location filename="../../mestore_desktop/ui/main_window.py" line="54"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="113"/>
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
    <name>OrdersPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="36"/>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="61"/>
        <source>Pedidos</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/orders.py" line="44"/>
        <source>Todavía no hay ventas. Las ventas de la Caja aparecerán aquí con su estado de pago, que se actualiza solo cuando Wompi confirma.</source>
        <translation>No sales yet. Sales from the counter will appear here with their payment status, which updates by itself when Wompi confirms.</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="48"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="49"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="50"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="51"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="52"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="53"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="54"/>
        <source>Estado</source>
        <translation>Status</translation>
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
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="16"/>
        <source>Links de pago</source>
        <translation>Payment links</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/payment_links.py" line="17"/>
        <source>Aquí crearás links de pago de Wompi para cobrar a distancia y verás cuáles ya se pagaron.</source>
        <translation>Here you will create Wompi payment links to charge remotely and see which ones have been paid.</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="78"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/formatting.py" line="79"/>
        <source>Tarjeta</source>
        <translation>Card</translation>
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
    <name>ReconciliationPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="16"/>
        <source>Conciliación</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/reconciliation.py" line="17"/>
        <source>Aquí compararás tus ventas con las transacciones de Wompi de un rango de fechas para encontrar pagos pendientes, montos distintos o cobros dobles.</source>
        <translation>Here you will compare your sales with Wompi&apos;s transactions for a date range to find pending payments, mismatched amounts or double charges.</translation>
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
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="207"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="354"/>
        <source>La venta no tiene productos.</source>
        <translation>The sale has no items.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="89"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="266"/>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="267"/>
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
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="278"/>
        <source>Editar línea</source>
        <translation>Edit line</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="303"/>
        <source>Cancelar venta</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="304"/>
        <source>¿Cancelar la venta?</source>
        <translation>Cancel the sale?</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="305"/>
        <source>Se quitarán todos los productos y los datos del cliente.</source>
        <translation>All items and the customer data will be removed.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="307"/>
        <source>Sí, cancelar la venta</source>
        <translation>Yes, cancel the sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="309"/>
        <source>No, seguir vendiendo</source>
        <translation>No, keep selling</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/ring_up.py" line="356"/>
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
    <name>TenderBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="36"/>
        <source>Pagar aquí</source>
        <translation>Pay here</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="37"/>
        <source>QR al celular</source>
        <translation>QR to phone</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="38"/>
        <source>Efectivo</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="48"/>
        <source>Cancelar venta</source>
        <translation>Cancel sale</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/caja/tender_bar.py" line="69"/>
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
        <location filename="../../mestore_desktop/app.py" line="140"/>
        <source>Corrige o borra el archivo {path} y vuelve a abrir MeStore.</source>
        <translation>Fix or delete the file {path} and open MeStore again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="158"/>
        <source>No se pudo iniciar el sandbox local de Wompi.</source>
        <translation>The local Wompi sandbox could not be started.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="368"/>
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
