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
    <name>CajaPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="16"/>
        <source>Caja</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/pages/caja.py" line="17"/>
        <source>Aquí registrarás ventas y cobrarás con Wompi: tarjeta, Nequi, PSE, QR o efectivo. Podrás buscar o escanear productos, agregar montos libres y ver el total con IVA.</source>
        <translation>Here you will record sales and take payments with Wompi: card, Nequi, PSE, QR or cash. You will be able to search or scan products, add open amounts and see the total with VAT.</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="40"/>
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="43"/>
        <source>Comprueba las llaves con Wompi antes de la primera venta.</source>
        <translation>Check the keys with Wompi before the first sale.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="59"/>
        <source>Probando la conexión con Wompi…</source>
        <translation>Testing the connection with Wompi…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="73"/>
        <source>Todo en orden: MeStore puede cobrar con Wompi.</source>
        <translation>All good: MeStore can take payments with Wompi.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/connection_panel.py" line="75"/>
        <source>{count} comprobaciones fallaron; revise los detalles.</source>
        <translation>{count} checks failed; see the details.</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="31"/>
        <source>sin verificar</source>
        <translation>not verified</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="34"/>
        <source>no configurado</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="37"/>
        <source>verificando…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="38"/>
        <source>conectado</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="39"/>
        <source>con demoras</source>
        <translation>degraded</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="40"/>
        <source>sin conexión</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="41"/>
        <source>con error</source>
        <translation>failing</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <location filename="../../mestore_desktop/ui/widgets/status.py" line="101"/>
        <source>Terminal {id}</source>
        <translation>Terminal {id}</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="53"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/main_window.py" line="108"/>
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
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="47"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="48"/>
        <source>Pedido</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="49"/>
        <source>Referencia</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="50"/>
        <source>Cliente</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="51"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="52"/>
        <source>Medio</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/models/orders_model.py" line="53"/>
        <source>Estado</source>
        <translation>Status</translation>
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
        <location filename="../../mestore_desktop/ui/sync_status.py" line="83"/>
        <source>último evento {age}</source>
        <translation>last event {age}</translation>
    </message>
</context>
<context>
    <name>SecretsPanel</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="25"/>
        <source>Llave privada de Wompi</source>
        <translation>Wompi private key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="26"/>
        <source>Secreto de eventos</source>
        <translation>Events secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="27"/>
        <source>Secreto de integridad</source>
        <translation>Integrity secret</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="28"/>
        <source>Token del relay</source>
        <translation>Relay token</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="29"/>
        <source>Contraseña SMTP</source>
        <translation>SMTP password</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="56"/>
        <source>Escribe o pega el valor nuevo</source>
        <translation>Type or paste the new value</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="57"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="58"/>
        <source>Borrar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="70"/>
        <source>✔ Guardado</source>
        <translation>✔ Saved</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="72"/>
        <source>○ Sin configurar</source>
        <translation>○ Not set</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/secrets_panel.py" line="132"/>
        <source>Ambiente {environment}. Los secretos se guardan en el llavero del sistema y nunca se vuelven a mostrar; para cambiar uno, escribe el valor nuevo.</source>
        <translation>Environment {environment}. Secrets are kept in the system keyring and are never shown again; to change one, type the new value.</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="33"/>
        <source>Comercio</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="34"/>
        <source>Wompi</source>
        <translation>Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="35"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="36"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="40"/>
        <source>Nombre del comercio</source>
        <translation>Store name</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="44"/>
        <source>NIT</source>
        <translation>NIT (tax id)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="46"/>
        <source>Ej.: 900123456-8</source>
        <translation>E.g. 900123456-8</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="50"/>
        <source>Ambiente</source>
        <translation>Environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="53"/>
        <source>Sandbox (pruebas)</source>
        <translation>Sandbox (testing)</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="54"/>
        <source>Producción</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="58"/>
        <source>Llave pública</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="62"/>
        <source>URL de la API</source>
        <translation>API URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="64"/>
        <source>Vacío: la de Wompi para el ambiente</source>
        <translation>Empty: Wompi&apos;s URL for the environment</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="68"/>
        <source>URL del checkout</source>
        <translation>Checkout URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="70"/>
        <source>Vacío: </source>
        <translation>Empty: </translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="73"/>
        <source>URL del relay</source>
        <translation>Relay URL</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="76"/>
        <source>Id de la terminal</source>
        <translation>Terminal id</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="80"/>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="81"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/fields.py" line="87"/>
        <source>Otros</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="54"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="73"/>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="128"/>
        <source>Ajustes</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="59"/>
        <source>Guardar ajustes</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="78"/>
        <source>Secretos</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="80"/>
        <source>Conexión con Wompi</source>
        <translation>Connection with Wompi</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="100"/>
        <source>No se guardaron los ajustes.</source>
        <translation>The settings were not saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="130"/>
        <source>No se guardó nada. {field}: {message}</source>
        <translation>Nothing was saved. {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="134"/>
        <source>No se guardó nada; revisa estos campos: {fields}.</source>
        <translation>Nothing was saved; check these fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="144"/>
        <source>Ajustes guardados.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/settings/page.py" line="146"/>
        <source>El idioma cambiará la próxima vez que abras MeStore.</source>
        <translation>The language will change the next time you open MeStore.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../mestore_desktop/app.py" line="126"/>
        <source>Corrige o borra el archivo {path} y vuelve a abrir MeStore.</source>
        <translation>Fix or delete the file {path} and open MeStore again.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="141"/>
        <source>No se pudo iniciar el sandbox local de Wompi.</source>
        <translation>The local Wompi sandbox could not be started.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/app.py" line="260"/>
        <source>MeStore no puede abrir</source>
        <translation>MeStore cannot start</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="41"/>
        <source>Ocurrió un error inesperado; los detalles quedaron en el registro.</source>
        <translation>An unexpected error occurred; the details were written to the log.</translation>
    </message>
    <message>
        <location filename="../../mestore_desktop/ui/errors.py" line="56"/>
        <source>MeStore Desktop</source>
        <translation>MeStore Desktop</translation>
    </message>
</context>
</TS>
