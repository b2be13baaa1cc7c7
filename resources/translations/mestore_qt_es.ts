<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  MeStore's completions of Qt's own Spanish (qtbase_es.qm from PySide6): the strings of the
  dialogs staff meet that Qt leaves in English, and Spain's "fichero" said as in Colombia.
  Loaded after Qt's catalogue, so these win. Sources are Qt's own, in Qt's contexts.
-->
<TS version="2.1" language="es_CO" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar arc&amp;hivos ocultos</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Carpeta superior</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ir a la carpeta superior</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ya existe.
¿Quiere reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Revise que el nombre sea correcto.</translation>
    </message>
</context>
</TS>
