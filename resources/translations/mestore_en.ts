<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
    <context>
        <name>CajaPage</name>
        <message>
            <source>Caja</source>
            <translation>Counter</translation>
        </message>
        <message>
            <source>Aquí registrarás ventas y cobrarás con Wompi: tarjeta, Nequi, PSE, QR o efectivo. Podrás buscar o escanear productos, agregar montos libres y ver el total con IVA.</source>
            <translation>Here you will record sales and take payments with Wompi: card, Nequi, PSE, QR or cash. You will be able to search or scan products, add open amounts and see the total with VAT.</translation>
        </message>
    </context>
    <context>
        <name>ConnectionState</name>
        <message>
            <source>sin verificar</source>
            <translation>not verified</translation>
        </message>
        <message>
            <source>no configurado</source>
            <translation>not configured</translation>
        </message>
        <message>
            <source>verificando…</source>
            <translation>checking…</translation>
        </message>
        <message>
            <source>conectado</source>
            <translation>connected</translation>
        </message>
        <message>
            <source>con error</source>
            <translation>failing</translation>
        </message>
    </context>
    <context>
        <name>ConnectionStatusBar</name>
        <message>
            <source>Terminal {id}</source>
            <translation>Terminal {id}</translation>
        </message>
    </context>
    <context>
        <name>EnvironmentBadge</name>
        <message>
            <source>SANDBOX</source>
            <translation>SANDBOX</translation>
        </message>
        <message>
            <source>PRODUCCIÓN</source>
            <translation>PRODUCTION</translation>
        </message>
        <message>
            <source>DEMO</source>
            <translation>DEMO</translation>
        </message>
        <message>
            <source>Ambiente: {word}</source>
            <translation>Environment: {word}</translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>MeStore (sin nombre de comercio)</source>
            <translation>MeStore (no store name)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>MeStore Desktop</source>
            <translation>MeStore Desktop</translation>
        </message>
        <message>
            <source>Modo DEMO: el sandbox local de Wompi llegará en una versión posterior. Por ahora puedes recorrer las pantallas, pero no se procesa ningún pago.</source>
            <translation>DEMO mode: the local Wompi sandbox is coming in a later version. For now you can look around the screens, but no payment is processed.</translation>
        </message>
    </context>
    <context>
        <name>NavigationSidebar</name>
        <message>
            <source>Navegación</source>
            <translation>Navigation</translation>
        </message>
    </context>
    <context>
        <name>OrdersPage</name>
        <message>
            <source>Pedidos</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Aquí verás todas las ventas con su estado de pago, filtrarás por fecha, estado o medio de pago, y consultarás el detalle y la historia de cada pedido.</source>
            <translation>Here you will see every sale with its payment status, filter by date, status or payment method, and look up the details and history of each order.</translation>
        </message>
    </context>
    <context>
        <name>PaymentLinksPage</name>
        <message>
            <source>Links de pago</source>
            <translation>Payment links</translation>
        </message>
        <message>
            <source>Aquí crearás links de pago de Wompi para cobrar a distancia y verás cuáles ya se pagaron.</source>
            <translation>Here you will create Wompi payment links to charge remotely and see which ones have been paid.</translation>
        </message>
    </context>
    <context>
        <name>ReconciliationPage</name>
        <message>
            <source>Conciliación</source>
            <translation>Reconciliation</translation>
        </message>
        <message>
            <source>Aquí compararás tus ventas con las transacciones de Wompi de un rango de fechas para encontrar pagos pendientes, montos distintos o cobros dobles.</source>
            <translation>Here you will compare your sales with Wompi's transactions for a date range to find pending payments, mismatched amounts or double charges.</translation>
        </message>
    </context>
    <context>
        <name>SecretsPanel</name>
        <message>
            <source>Llave privada de Wompi</source>
            <translation>Wompi private key</translation>
        </message>
        <message>
            <source>Secreto de eventos</source>
            <translation>Events secret</translation>
        </message>
        <message>
            <source>Secreto de integridad</source>
            <translation>Integrity secret</translation>
        </message>
        <message>
            <source>Token del relay</source>
            <translation>Relay token</translation>
        </message>
        <message>
            <source>Contraseña SMTP</source>
            <translation>SMTP password</translation>
        </message>
        <message>
            <source>Escribe o pega el valor nuevo</source>
            <translation>Type or paste the new value</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Borrar</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>✔ Guardado</source>
            <translation>✔ Saved</translation>
        </message>
        <message>
            <source>○ Sin configurar</source>
            <translation>○ Not set</translation>
        </message>
        <message>
            <source>Ambiente {environment}. Los secretos se guardan en el llavero del sistema y nunca se vuelven a mostrar; para cambiar uno, escribe el valor nuevo.</source>
            <translation>Environment {environment}. Secrets are kept in the system keyring and are never shown again; to change one, type the new value.</translation>
        </message>
    </context>
    <context>
        <name>SettingsFields</name>
        <message>
            <source>Comercio</source>
            <translation>Store</translation>
        </message>
        <message>
            <source>Wompi</source>
            <translation>Wompi</translation>
        </message>
        <message>
            <source>Relay</source>
            <translation>Relay</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>Terminal</translation>
        </message>
        <message>
            <source>Nombre del comercio</source>
            <translation>Store name</translation>
        </message>
        <message>
            <source>NIT</source>
            <translation>NIT (tax id)</translation>
        </message>
        <message>
            <source>Ej.: 900123456-8</source>
            <translation>E.g. 900123456-8</translation>
        </message>
        <message>
            <source>Ambiente</source>
            <translation>Environment</translation>
        </message>
        <message>
            <source>Sandbox (pruebas)</source>
            <translation>Sandbox (testing)</translation>
        </message>
        <message>
            <source>Producción</source>
            <translation>Production</translation>
        </message>
        <message>
            <source>Llave pública</source>
            <translation>Public key</translation>
        </message>
        <message>
            <source>URL de la API</source>
            <translation>API URL</translation>
        </message>
        <message>
            <source>Vacío: la de Wompi para el ambiente</source>
            <translation>Empty: Wompi's URL for the environment</translation>
        </message>
        <message>
            <source>URL del checkout</source>
            <translation>Checkout URL</translation>
        </message>
        <message>
            <source>Vacío: </source>
            <translation>Empty: </translation>
        </message>
        <message>
            <source>URL del relay</source>
            <translation>Relay URL</translation>
        </message>
        <message>
            <source>Id de la terminal</source>
            <translation>Terminal id</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Otros</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Ajustes</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Guardar ajustes</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <source>Secretos</source>
            <translation>Secrets</translation>
        </message>
        <message>
            <source>No se guardaron los ajustes.</source>
            <translation>The settings were not saved.</translation>
        </message>
        <message>
            <source>No se guardó nada. {field}: {message}</source>
            <translation>Nothing was saved. {field}: {message}</translation>
        </message>
        <message>
            <source>No se guardó nada; revisa estos campos: {fields}.</source>
            <translation>Nothing was saved; check these fields: {fields}.</translation>
        </message>
        <message>
            <source>Ajustes guardados.</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>El idioma cambiará la próxima vez que abras MeStore.</source>
            <translation>The language will change the next time you open MeStore.</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Corrige o borra el archivo {path} y vuelve a abrir MeStore.</source>
            <translation>Fix or delete the file {path} and open MeStore again.</translation>
        </message>
        <message>
            <source>MeStore no puede abrir</source>
            <translation>MeStore cannot start</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Ocurrió un error inesperado; los detalles quedaron en el registro.</source>
            <translation>An unexpected error occurred; the details were written to the log.</translation>
        </message>
        <message>
            <source>MeStore Desktop</source>
            <translation>MeStore Desktop</translation>
        </message>
    </context>
</TS>
