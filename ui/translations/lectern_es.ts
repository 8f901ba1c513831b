<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>lectern::ui::CodeView</name>
    <message>
        <source>File text</source>
        <translation>Texto del archivo</translation>
    </message>
    <message>
        <source>Line numbers</source>
        <translation>Números de línea</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ConversationView</name>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source> (version %1 of %2)</source>
        <translation> (versión %1 de %2)</translation>
    </message>
    <message>
        <source>Stopped: the answer is incomplete.</source>
        <translation>Detenida: la respuesta está incompleta.</translation>
    </message>
    <message>
        <source>Failed: the answer is incomplete.</source>
        <translation>Error: la respuesta está incompleta.</translation>
    </message>
    <message>
        <source>Being written…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>*(no text)*</source>
        <translation>*(sin texto)*</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s</source>
        <translation>%1 tokens, %2 tokens/s</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>What the model saw</source>
        <translation>Lo que vio el modelo</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>(no such page)</source>
        <translation>(no existe esa página)</translation>
    </message>
    <message>
        <source>(no such paragraph)</source>
        <translation>(no existe ese párrafo)</translation>
    </message>
    <message>
        <source>(no such section)</source>
        <translation>(no existe esa sección)</translation>
    </message>
    <message>
        <source>(no such line)</source>
        <translation>(no existe esa línea)</translation>
    </message>
    <message>
        <source>Guard: safe</source>
        <translation>Guardián: seguro</translation>
    </message>
    <message>
        <source>Guard: unsafe (%1)</source>
        <translation>Guardián: inseguro (%1)</translation>
    </message>
    <message>
        <source>Guard: its verdict could not be read</source>
        <translation>Guardián: veredicto ilegible</translation>
    </message>
</context>
<context>
    <name>lectern::ui::CoverageStrip</name>
    <message>
        <source>Coverage: pages or files in the context</source>
        <translation>Cobertura: páginas o archivos en el contexto</translation>
    </message>
    <message>
        <source>%1: %2 tokens, %3</source>
        <translation>%1: %2 tokens, %3</translation>
    </message>
    <message>
        <source>in the context</source>
        <translation>en el contexto</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>fuera del contexto</translation>
    </message>
</context>
<context>
    <name>lectern::ui::DocumentViewer</name>
    <message>
        <source>No document</source>
        <translation>Sin documento</translation>
    </message>
    <message>
        <source>%1 has no text to show</source>
        <translation>%1 no tiene texto que mostrar</translation>
    </message>
    <message>
        <source>Drop a PDF, a folder of code or a text file</source>
        <translation>Suelte aquí un PDF, una carpeta de código o un archivo de texto</translation>
    </message>
</context>
<context>
    <name>lectern::ui::FoundModels</name>
    <message>
        <source>Models on this computer</source>
        <translation>Modelos en este equipo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>&amp;Añadir una carpeta…</translation>
    </message>
    <message>
        <source>Search a folder of yours for GGUF files and Hugging Face model folders</source>
        <translation>Buscar archivos GGUF y carpetas de modelos de Hugging Face en una carpeta suya</translation>
    </message>
    <message>
        <source>A folder with models</source>
        <translation>Una carpeta con modelos</translation>
    </message>
    <message>
        <source>Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…</source>
        <translation>Buscando en la caché de Hugging Face, Ollama, LM Studio, GPT4All y sus carpetas…</translation>
    </message>
    <message>
        <source>your folder</source>
        <translation>su carpeta</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>no se puede ejecutar: %1</translation>
    </message>
    <message>
        <source>fits (%1, %2 KV cache)</source>
        <translation>cabe (%1, caché KV de %2)</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>demasiado grande</translation>
    </message>
    <message>
        <source>No models found on this computer: get one, or add a folder.</source>
        <translation>No se encontraron modelos en este equipo: obtenga uno o añada una carpeta.</translation>
    </message>
    <message>
        <source>%1 models found, %2 that Lectern can run.</source>
        <translation>%1 modelos encontrados; Lectern puede ejecutar %2.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::GetModelPage</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Download a Llama 3 model from the Hugging Face Hub into its cache on this computer (shared with the Hub&apos;s own tools). Sizes are approximate.</source>
        <translation>Descargue un modelo Llama 3 del Hugging Face Hub en la caché de este equipo (compartida con las herramientas del propio Hub). Los tamaños son aproximados.</translation>
    </message>
    <message>
        <source>Suggested models</source>
        <translation>Modelos sugeridos</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repositorio</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repositorio:</translation>
    </message>
    <message>
        <source>the GGUF file (empty: the repository&apos;s only one)</source>
        <translation>el archivo GGUF (vacío: el único del repositorio)</translation>
    </message>
    <message>
        <source>File in the repository</source>
        <translation>Archivo del repositorio</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Arch&amp;ivo:</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Descargar</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>S&amp;top download</source>
        <translation>De&amp;tener descarga</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>Detener descarga</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>Estado de la descarga</translation>
    </message>
    <message>
        <source>Download error</source>
        <translation>Error de descarga</translation>
    </message>
    <message>
        <source>Download &amp;anyway</source>
        <translation>Desc&amp;argar de todos modos</translation>
    </message>
    <message>
        <source>Download anyway</source>
        <translation>Descargar de todos modos</translation>
    </message>
    <message>
        <source>Download the model even though it does not fit here at this context (for a smaller context, or another computer)</source>
        <translation>Descargar el modelo aunque no quepa aquí con este contexto (para un contexto menor o para otro equipo)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>aprox. %1</translation>
    </message>
    <message>
        <source>fits here</source>
        <translation>cabe aquí</translation>
    </message>
    <message>
        <source>too large for this computer</source>
        <translation>demasiado grande para este equipo</translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.</source>
        <translation>Pesos %1 + caché KV %2 (%3 tokens, %4); memoria libre: %5.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Asking the Hub for %1…</source>
        <translation>Consultando %1 en el Hub…</translation>
    </message>
    <message>
        <source>Downloaded %1: %2</source>
        <translation>Descargado (%1): %2</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>Ya está en este equipo: %1</translation>
    </message>
    <message>
        <source>Stopped. What came is kept: the next download of this file continues from there.</source>
        <translation>Detenido. Lo descargado se conserva: la próxima descarga de este archivo continuará desde ahí.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>, checking the file…</source>
        <translation>, comprobando el archivo…</translation>
    </message>
    <message>
        <source>, %1/s, about %2 left</source>
        <translation>, %1/s, quedan unos %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;This repository is gated.&lt;/b&gt; Accept its license on the Hugging Face Hub, then give Lectern an access token (HF_TOKEN, or &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) and download again.</source>
        <translation>&lt;b&gt;Este repositorio es de acceso restringido.&lt;/b&gt; Acepte su licencia en el Hugging Face Hub, proporcione a Lectern un token de acceso (HF_TOKEN o &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) y vuelva a descargarlo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too large for this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demasiado grande para este equipo.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern cannot run this model&lt;/b&gt; (its header says so); choose a Llama 3 model.</source>
        <translation>&lt;b&gt;Lectern no puede ejecutar este modelo&lt;/b&gt; (así lo indica su cabecera); elija un modelo Llama 3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough disk space&lt;/b&gt; for this model. Free some space, or choose a smaller file.</source>
        <translation>&lt;b&gt;No hay suficiente espacio en disco&lt;/b&gt; para este modelo. Libere espacio o elija un archivo más pequeño.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The download failed.&lt;/b&gt; Check the network connection; what came is kept, and the next download continues from there.</source>
        <translation>&lt;b&gt;La descarga ha fallado.&lt;/b&gt; Compruebe la conexión de red; lo descargado se conserva y la próxima descarga continuará desde ahí.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not found on the Hub.&lt;/b&gt; Check the repository&apos;s and the file&apos;s names.</source>
        <translation>&lt;b&gt;No se encontró en el Hub.&lt;/b&gt; Compruebe los nombres del repositorio y del archivo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name the file to download.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Indique el archivo que desea descargar.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file that came is damaged&lt;/b&gt; (its checksum does not match); it was deleted. Try again.</source>
        <translation>&lt;b&gt;El archivo descargado está dañado&lt;/b&gt; (su suma de comprobación no coincide) y se ha eliminado. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be downloaded.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No se pudo descargar el modelo.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>lectern::ui::LibraryPanel</name>
    <message>
        <source>Search messages and documents (Ctrl+F)</source>
        <translation>Buscar en mensajes y documentos (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Documents of the session</source>
        <translation>Documentos de la sesión</translation>
    </message>
    <message>
        <source>Page, file or section</source>
        <translation>Página, archivo o sección</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>Eliminar sesión…</translation>
    </message>
    <message>
        <source>No sessions yet: drop a document on the window.</source>
        <translation>Aún no hay sesiones: suelte un documento en la ventana.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>No se encontró nada para «%1».</translation>
    </message>
    <message>
        <source>The document&apos;s text, counted with the model&apos;s tokenizer</source>
        <translation>El texto del documento, contado con el tokenizador del modelo</translation>
    </message>
    <message>
        <source>Unreliable text: %1</source>
        <translation>Texto poco fiable: %1</translation>
    </message>
    <message>
        <source>  (no text)</source>
        <translation>  (sin texto)</translation>
    </message>
    <message>
        <source>This page has no text layer and was not recognized.</source>
        <translation>Esta página no tiene capa de texto y no se ha reconocido.</translation>
    </message>
    <message>
        <source>  (1 table)</source>
        <translation>  (1 tabla)</translation>
    </message>
    <message>
        <source>  (%1 tables)</source>
        <translation>  (%1 tablas)</translation>
    </message>
    <message>
        <source>Tables on this page are given to the model as tables, row by row; cite one as [p. %1, table 1].</source>
        <translation>Las tablas de esta página se entregan al modelo como tablas, fila por fila; cite una como [p. %1, table 1].</translation>
    </message>
    <message>
        <source>Left out: it does not fit the context</source>
        <translation>Queda fuera: no cabe en el contexto</translation>
    </message>
    <message>
        <source>Documents: %1 tokens</source>
        <translation>Documentos (tokens: %1)</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>sin contar</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>página %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>Preguntas: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Resumen: %1</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Revisión: %1</translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>Traducción (%1): %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::MainWindow</name>
    <message>
        <source>The file is damaged or not what it claims to be.</source>
        <translation>El archivo está dañado o no es lo que dice ser.</translation>
    </message>
    <message>
        <source>Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.</source>
        <translation>Lectern ejecuta modelos Llama 3 (y Llama 2) en archivos GGUF o carpetas de Hugging Face.</translation>
    </message>
    <message>
        <source>The GPU&apos;s memory does not suffice: choose a smaller context or the CPU.</source>
        <translation>La memoria de la GPU no es suficiente: elija un contexto menor o la CPU.</translation>
    </message>
    <message>
        <source>The disk is full: free some space. What was written before is kept.</source>
        <translation>El disco está lleno: libere espacio. Lo que ya se había escrito se conserva.</translation>
    </message>
    <message>
        <source>Check that the file or folder still exists.</source>
        <translation>Compruebe que el archivo o la carpeta todavía existen.</translation>
    </message>
    <message>
        <source>Check that the file can be read (permissions, a removed disk).</source>
        <translation>Compruebe que el archivo se puede leer (permisos, un disco extraído).</translation>
    </message>
    <message>
        <source>Lectern&apos;s database could not be written; check the disk.</source>
        <translation>No se pudo escribir en la base de datos de Lectern; compruebe el disco.</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>What does not fit</source>
        <translation>Lo que no cabe</translation>
    </message>
    <message>
        <source>Ask about the documents… (Ctrl+Enter to send)</source>
        <translation>Pregunte sobre los documentos… (Ctrl+Enter para enviar)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Enviar la pregunta (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the running task (Esc)</source>
        <translation>Detener la tarea en curso (Esc)</translation>
    </message>
    <message>
        <source>A task is running in this session: stop it before deleting the session.</source>
        <translation>Hay una tarea en curso en esta sesión: deténgala antes de eliminar la sesión.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <source>Delete this session and its messages?</source>
        <translation>¿Eliminar esta sesión y sus mensajes?</translation>
    </message>
    <message>
        <source>The session could not be deleted.</source>
        <translation>No se pudo eliminar la sesión.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open documents…</source>
        <translation>&amp;Abrir documentos…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Abrir documentos</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown);;All files (*)</source>
        <translation>Documentos (*.pdf *.txt *.md *.markdown);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a &amp;folder of code…</source>
        <translation>Abrir una &amp;carpeta de código…</translation>
    </message>
    <message>
        <source>Open a folder of code</source>
        <translation>Abrir una carpeta de código</translation>
    </message>
    <message>
        <source>Choose &amp;model…</source>
        <translation>Elegir m&amp;odelo…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exportar sesión</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>The session could not be exported.</source>
        <translation>No se pudo exportar la sesión.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Ask about the documents (Ctrl+L goes to the question box)</source>
        <translation>Preguntar sobre los documentos (Ctrl+L lleva al cuadro de la pregunta)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Resumir</translation>
    </message>
    <message>
        <source>Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)</source>
        <translation>Resumir los documentos, por partes si no caben (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Review folder…</source>
        <translation>Revisar carpeta…</translation>
    </message>
    <message>
        <source>Review a folder of code</source>
        <translation>Revisar una carpeta de código</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Revisar cambios…</translation>
    </message>
    <message>
        <source>Review a git repository&apos;s uncommitted changes</source>
        <translation>Revisar los cambios sin confirmar de un repositorio git</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>Idioma de destino</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Traducir</translation>
    </message>
    <message>
        <source>Translate the first document into the chosen language</source>
        <translation>Traducir el primer documento al idioma elegido</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>No se pudo cargar el modelo.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>The server&apos;s model could not be used.</source>
        <translation>No se pudo usar el modelo del servidor.</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>Lectura detenida.</translation>
    </message>
    <message>
        <source>The documents could not be read.</source>
        <translation>No se pudieron leer los documentos.</translation>
    </message>
    <message>
        <source>The session could not be stored.</source>
        <translation>No se pudo guardar la sesión.</translation>
    </message>
    <message>
        <source>%1

%2 is encrypted. Enter its password:</source>
        <translation>%1

%2 está cifrado. Introduzca su contraseña:</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>No se pudo abrir la sesión.</translation>
    </message>
    <message>
        <source>The session could not be read.</source>
        <translation>No se pudo leer la sesión.</translation>
    </message>
    <message>
        <source>The sessions could not be listed.</source>
        <translation>No se pudieron listar las sesiones.</translation>
    </message>
    <message>
        <source>The budget could not be counted: %1</source>
        <translation>No se pudo calcular el presupuesto de contexto: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Summarize reads everything in %1 chunks (map-reduce).</source>
        <translation>Resumir lee todo en %1 fragmentos (map-reduce).</translation>
    </message>
    <message>
        <source>Summarize reads everything, in parts (map-reduce).</source>
        <translation>Resumir lee todo, por partes (map-reduce).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The documents do not fit the %1-token context.&lt;/b&gt; Ask will leave out %2 of %3 pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would hold more.</source>
        <translation>&lt;b&gt;Los documentos no caben en el contexto de %1 tokens.&lt;/b&gt; Preguntar dejará fuera %2 de %3 páginas o archivos (%4 tokens): %5. %6 Un contexto mayor (Archivo › Elegir modelo) admitiría más.</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>La tarea no terminó.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Stopped: the partial answer is kept.</source>
        <translation>Detenido: se conserva la respuesta parcial.</translation>
    </message>
    <message>
        <source>%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)</source>
        <translation>%1 tokens a %2 tokens/s; %3 tokens de entrada procesados (%4)</translation>
    </message>
    <message>
        <source>A task in another session has ended; it is in the library.</source>
        <translation>Ha terminado una tarea de otra sesión; está en la biblioteca.</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>No hay ningún modelo abierto.</translation>
    </message>
    <message>
        <source>Summarize the documents.</source>
        <translation>Resuma los documentos.</translation>
    </message>
    <message>
        <source>Translate %1 into %2.</source>
        <translation>Traduzca %1 al idioma %2.</translation>
    </message>
    <message>
        <source>Review the uncommitted changes in %1.</source>
        <translation>Revise los cambios sin confirmar de %1.</translation>
    </message>
    <message>
        <source>Review the code in %1.</source>
        <translation>Revise el código de %1.</translation>
    </message>
    <message>
        <source>Ask a question about %1.</source>
        <translation>Haga una pregunta sobre %1.</translation>
    </message>
    <message>
        <source>%1 names no page, line, paragraph or section of these documents.</source>
        <translation>%1 no remite a ninguna página, línea, párrafo o sección de estos documentos.</translation>
    </message>
    <message>
        <source>%1 names no page or file of these documents.</source>
        <translation>%1 no remite a ninguna página ni archivo de estos documentos.</translation>
    </message>
    <message>
        <source>The cited words were not found on %1.</source>
        <translation>No se encontraron las palabras citadas en %1.</translation>
    </message>
    <message>
        <source>The prompt could not be rebuilt.</source>
        <translation>No se pudo reconstruir la entrada del modelo.</translation>
    </message>
    <message>
        <source>Choose a smaller context, an 8-bit KV cache or a smaller model.</source>
        <translation>Elija un contexto menor, una caché KV de 8 bits o un modelo más pequeño.</translation>
    </message>
    <message>
        <source>## Lectern reads whole documents

Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). Each document is counted with the model&apos;s own tokenizer; the meter below shows what the model&apos;s context will hold before anything runs.

Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.</source>
        <translation>## Lectern lee documentos completos

Suelte en la ventana un PDF, una carpeta de código o un archivo de texto (o use **Archivo › Abrir documentos**, Ctrl+O). Cada documento se cuenta con el tokenizador del propio modelo; el indicador de abajo muestra lo que cabrá en el contexto del modelo antes de que se ejecute nada.

Después, haga una pregunta (Ctrl+Enter la envía, Esc detiene la respuesta) o resuma, revise o traduzca.</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Open a session to export it.</source>
        <translation>Abra una sesión para exportarla.</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Sesión exportada a %1.</translation>
    </message>
    <message>
        <source>&amp;Export session</source>
        <translation>&amp;Exportar sesión</translation>
    </message>
    <message>
        <source>As &amp;Markdown…</source>
        <translation>Como &amp;Markdown…</translation>
    </message>
    <message>
        <source>As &amp;web page (HTML)…</source>
        <translation>Como página &amp;web (HTML)…</translation>
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation>Como &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>Como &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Search sessions and documents</source>
        <translation>&amp;Buscar en sesiones y documentos</translation>
    </message>
    <message>
        <source>Go to the &amp;question</source>
        <translation>Ir a la &amp;pregunta</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Next citation</source>
        <translation>Cita &amp;siguiente</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>&amp;Previous citation</source>
        <translation>Cita &amp;anterior</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Acer&amp;car</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit the page to the width</source>
        <translation>A&amp;justar la página al ancho</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>Ir a la &amp;biblioteca</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;conversation</source>
        <translation>Ir a la c&amp;onversación</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Go to the &amp;document</source>
        <translation>Ir al &amp;documento</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>&amp;Acerca de Lectern</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Acerca de Lectern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern&lt;/b&gt; reads whole documents with a Llama 3 model on this computer: it summarizes them, answers questions with citations, reviews code and translates. Documents never leave the computer unless a model on a server is chosen.</source>
        <translation>&lt;b&gt;Lectern&lt;/b&gt; lee documentos completos con un modelo Llama 3 en este equipo: los resume, responde preguntas con citas, revisa código y traduce. Los documentos nunca salen del equipo, salvo que se elija un modelo en un servidor.</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>Enviar la pregunta</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>Detener la tarea en curso</translation>
    </message>
    <message>
        <source>%1 saved KV prefixes removed.</source>
        <translation>Se eliminaron %1 prefijos KV guardados.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>The model is loaded.</source>
        <translation>El modelo está cargado.</translation>
    </message>
    <message>
        <source>1 document read.</source>
        <translation>1 documento leído.</translation>
    </message>
    <message>
        <source>%1 documents read.</source>
        <translation>%1 documentos leídos.</translation>
    </message>
    <message>
        <source>Done: the result is in the conversation.</source>
        <translation>Listo: el resultado está en la conversación.</translation>
    </message>
    <message>
        <source>The guard model could not be loaded.</source>
        <translation>No se pudo cargar el modelo guardián.</translation>
    </message>
    <message>
        <source>The guard model is loaded: questions and answers are screened.</source>
        <translation>El modelo guardián está cargado: se revisan preguntas y respuestas.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelDialog</name>
    <message>
        <source>Choose a model</source>
        <translation>Elegir un modelo</translation>
    </message>
    <message>
        <source>&amp;Model on this computer</source>
        <translation>&amp;Modelo en este equipo</translation>
    </message>
    <message>
        <source>Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a Hugging Face folder (config.json, *.safetensors, tokenizer.json).</source>
        <translation>Lectern ejecuta un modelo Llama 3 en este equipo. Elija un archivo GGUF o una carpeta de Hugging Face (config.json, *.safetensors, tokenizer.json).</translation>
    </message>
    <message>
        <source>Model path</source>
        <translation>Ruta del modelo</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Automatic (the model&apos;s own, as much as fits)</source>
        <translation>Automático (el del modelo, tanto como quepa)</translation>
    </message>
    <message>
        <source>%1K tokens</source>
        <translation>%1K tokens</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>Con&amp;texto:</translation>
    </message>
    <message>
        <source>Automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>Automático (16 bits, u 8 bits si no cabe)</translation>
    </message>
    <message>
        <source>16-bit (half the memory)</source>
        <translation>16 bits (la mitad de memoria)</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 bits</translation>
    </message>
    <message>
        <source>8-bit (a quarter of the memory, for 128K)</source>
        <translation>8 bits (un cuarto de la memoria, para 128K)</translation>
    </message>
    <message>
        <source>&amp;KV cache:</source>
        <translation>Caché &amp;KV:</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>Automático (GPU si hay una)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Memoria necesaria</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Cargar</translation>
    </message>
    <message>
        <source>&amp;Get a model</source>
        <translation>&amp;Obtener un modelo</translation>
    </message>
    <message>
        <source>Download a model from the Hugging Face Hub</source>
        <translation>Descargar un modelo del Hugging Face Hub</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Archivo del modelo</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>Carpeta de modelo de Hugging Face</translation>
    </message>
    <message>
        <source>Model on a &amp;server</source>
        <translation>Modelo en un &amp;servidor</translation>
    </message>
    <message>
        <source>vLLM, llama.cpp&apos;s server, Ollama or lectern-cli serve</source>
        <translation>vLLM, el servidor de llama.cpp, Ollama o lectern-cli serve</translation>
    </message>
    <message>
        <source>For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible server runs the model; the documents, the packing and the sessions stay here. The same model&apos;s tokenizer is needed here, so documents are counted exactly.</source>
        <translation>Para modelos demasiado grandes para este equipo (Llama 3.1 70B, 405B): un servidor compatible con OpenAI ejecuta el modelo; los documentos, su empaquetado y las sesiones permanecen aquí. Aquí se necesita el tokenizador del mismo modelo, para contar los documentos con exactitud.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL del servidor:</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>su único modelo</translation>
    </message>
    <message>
        <source>Server model</source>
        <translation>Modelo del servidor</translation>
    </message>
    <message>
        <source>Server&apos;s m&amp;odel:</source>
        <translation>Mod&amp;elo del servidor:</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>none, or $OPENAI_API_KEY</source>
        <translation>ninguno, o $OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>Archivo de clave de API</translation>
    </message>
    <message>
        <source>A file whose first line is the server&apos;s key; the key itself is never stored</source>
        <translation>Un archivo cuya primera línea es la clave del servidor; la clave en sí nunca se guarda</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>Archivo de c&amp;lave de API:</translation>
    </message>
    <message>
        <source>the model&apos;s GGUF file, Hugging Face folder or tokenizer.json</source>
        <translation>el archivo GGUF del modelo, su carpeta de Hugging Face o tokenizer.json</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizador</translation>
    </message>
    <message>
        <source>&amp;Tokenizer:</source>
        <translation>&amp;Tokenizador:</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, starting with http:// or https://.</source>
        <translation>Indique la URL base del servidor, que empiece por http:// o https://.</translation>
    </message>
    <message>
        <source>Give the model&apos;s tokenizer on this computer.</source>
        <translation>Indique el tokenizador del modelo en este equipo.</translation>
    </message>
    <message>
        <source>Load connects, reads the server&apos;s context and checks the tokenizer against the server&apos;s.</source>
        <translation>«Cargar» se conecta al servidor, lee su contexto y compara el tokenizador con el del servidor.</translation>
    </message>
    <message>
        <source>No model chosen.</source>
        <translation>No se ha elegido ningún modelo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This model cannot be used:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;No se puede usar este modelo:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = &lt;b&gt;%7&lt;/b&gt;; %8 free.</source>
        <translation>%1&lt;br&gt;%2 tokens, caché KV de %3: pesos %4 + caché KV %5 + memoria de trabajo %6 = &lt;b&gt;%7&lt;/b&gt;; memoria libre: %8.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The model was trained for %1 tokens:&lt;/b&gt; choose a smaller context.</source>
        <translation>&lt;br&gt;&lt;b&gt;El modelo se entrenó para %1 tokens:&lt;/b&gt; elija un contexto menor.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;It does not fit:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;No cabe:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Automatic: %1.</source>
        <translation>&lt;br&gt;Automático: %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;It would not fit in RAM (%1); on the GPU it may.</source>
        <translation>&lt;br&gt;No cabría en la RAM (%1); en la GPU, quizá sí.</translation>
    </message>
    <message>
        <source>&lt;br&gt;GPU memory is checked when the model loads.</source>
        <translation>&lt;br&gt;La memoria de la GPU se comprueba al cargar el modelo.</translation>
    </message>
    <message>
        <source>Where the model is</source>
        <translation>Dónde está el modelo</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageCanvas</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageList</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Pages: click one to show it</source>
        <translation>Páginas: haga clic en una para mostrarla</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfRenderService</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>No se pudo abrir %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be found</source>
        <translation>No se encontró %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>No se puede leer %1: permiso denegado</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it is damaged or not a PDF)</source>
        <translation>%1 no es un PDF legible (está dañado o no es un PDF)</translation>
    </message>
    <message>
        <source>%1 is locked: enter its password</source>
        <translation>%1 está protegido: introduzca su contraseña</translation>
    </message>
    <message>
        <source>%1 is locked and that password is wrong: enter its password</source>
        <translation>%1 está protegido y la contraseña es incorrecta: introduzca su contraseña</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it has no pages)</source>
        <translation>%1 no es un PDF legible (no tiene páginas)</translation>
    </message>
    <message>
        <source>there is no page %1</source>
        <translation>no existe la página %1</translation>
    </message>
    <message>
        <source>page %1 is damaged</source>
        <translation>la página %1 está dañada</translation>
    </message>
    <message>
        <source>page %1 could not be drawn</source>
        <translation>no se pudo dibujar la página %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfView</name>
    <message>
        <source>Page view</source>
        <translation>Vista de página</translation>
    </message>
    <message>
        <source>PageUp / PageDown: previous / next page</source>
        <translation>PageUp / PageDown: página anterior / siguiente</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>Renderizando la página %1…</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>No se pudo mostrar la página %1: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PromptDialog</name>
    <message>
        <source>What the model saw</source>
        <translation>Lo que vio el modelo</translation>
    </message>
    <message>
        <source>Earlier answers are shown as stored text; encoded again, an answer can take a few tokens more or fewer than the ones the model sampled.</source>
        <translation>Las respuestas anteriores se muestran como texto guardado; al volver a codificarla, una respuesta puede ocupar algunos tokens más o menos que los que generó el modelo.</translation>
    </message>
    <message>
        <source>The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.</source>
        <translation>Entrada del modelo para esta respuesta: %1 tokens. %2 de %3 páginas o archivos estaban en el contexto%4.</translation>
    </message>
    <message>
        <source>; %1 were left out (hatched)</source>
        <translation>; %1 quedaron fuera (rayados)</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>Texto de entrada</translation>
    </message>
</context>
<context>
    <name>lectern::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Respuestas</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation>&amp;Instrucciones</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Almacenamiento</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; nothing is saved until OK</source>
        <translation>Restablece toda la configuración a sus valores predeterminados; no se guarda nada hasta que pulse Aceptar</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>El del sistema (%1)</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>I&amp;dioma de la interfaz:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspecto</translation>
    </message>
    <message>
        <source>The system&apos;s (light or dark)</source>
        <translation>El del sistema (claro u oscuro)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>The window changes language at once; the open session stays as it is.</source>
        <translation>La ventana cambia de idioma de inmediato; la sesión abierta se mantiene tal como está.</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Configuración del modelo</translation>
    </message>
    <message>
        <source>&amp;Choose model…</source>
        <translation>&amp;Elegir modelo…</translation>
    </message>
    <message>
        <source>The model file or server, its context size, KV cache and backend</source>
        <translation>El archivo o servidor del modelo, el tamaño de su contexto, la caché KV y el dispositivo</translation>
    </message>
    <message>
        <source>&amp;Use these values for every task</source>
        <translation>&amp;Usar estos valores en todas las tareas</translation>
    </message>
    <message>
        <source>Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and 0.9, Review and Translate take the most likely word</source>
        <translation>Desactivado: «Preguntar» muestrea con temperatura 0,6 y top-p 0,9; «Resumir», con 0,3 y 0,9; «Revisar» y «Traducir» toman la palabra más probable</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>0: always the most likely word; higher: more varied answers</source>
        <translation>0: siempre la palabra más probable; más alta: respuestas más variadas</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatura:</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation>Top-&amp;k:</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>M&amp;in-p:</source>
        <translation>Mi&amp;n-p:</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>&amp;Repetition penalty:</source>
        <translation>P&amp;enalización por repetición:</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>new for every answer</source>
        <translation>nueva para cada respuesta</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Semilla:</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Longitud de la respuesta</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>The longest answer, and the room kept for it in the context</source>
        <translation>La respuesta más larga posible y el espacio que se le reserva en el contexto</translation>
    </message>
    <message>
        <source>Answer &amp;length:</source>
        <translation>&amp;Longitud de la respuesta:</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Plantilla de instrucciones</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>Reset to the &amp;shipped text</source>
        <translation>Restablecer el texto &amp;original</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texto de la plantilla</translation>
    </message>
    <message>
        <source>Placeholders in double braces, such as {{documents}}, are filled in by the task</source>
        <translation>La tarea rellena los marcadores entre llaves dobles, como {{documents}}</translation>
    </message>
    <message>
        <source>Template state</source>
        <translation>Estado de la plantilla</translation>
    </message>
    <message>
        <source>The shipped text.</source>
        <translation>El texto original.</translation>
    </message>
    <message>
        <source>Edited: the tasks use this text.</source>
        <translation>Modificado: las tareas usan este texto.</translation>
    </message>
    <message>
        <source>Data and cache folders</source>
        <translation>Carpetas de datos y de caché</translation>
    </message>
    <message>
        <source>&amp;Clear saved KV prefixes</source>
        <translation>&amp;Borrar los prefijos KV guardados</translation>
    </message>
    <message>
        <source>Follow-up questions on a document read before start from its saved prefix; without it the document is read again</source>
        <translation>Las preguntas posteriores sobre un documento ya leído parten de su prefijo guardado; sin él, el documento se vuelve a leer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model on a server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</source>
        <translation>&lt;b&gt;Modelo en un servidor:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizador: %3</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>Aún no se ha elegido ningún modelo.</translation>
    </message>
    <message>
        <source>automatic (the model&apos;s own, as much as fits)</source>
        <translation>automático (el del modelo, tanto como quepa)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>automática (16 bits, u 8 bits si no cabe)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>automatic (GPU when there is one)</source>
        <translation>automático (GPU si hay una)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Context:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;Modelo:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Contexto:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Caché KV:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Dispositivo:&lt;/b&gt; %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions and documents:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Sesiones y documentos:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Saved KV prefixes:&lt;/b&gt; %1 (%2 in %3 files)</source>
        <translation>&lt;br&gt;&lt;b&gt;Prefijos KV guardados:&lt;/b&gt; %1 (%2 en %3 archivos)</translation>
    </message>
    <message>
        <source>Appeara&amp;nce:</source>
        <translation>A&amp;pariencia:</translation>
    </message>
    <message>
        <source>T&amp;op-p:</source>
        <translation>T&amp;op-p:</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Idiomas de OCR</translation>
    </message>
    <message>
        <source>None checked: each scanned page is read in the language of its script</source>
        <translation>Ninguno marcado: cada página escaneada se lee en el idioma de su escritura</translation>
    </message>
    <message>
        <source>Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script</source>
        <translation>Idiomas en los que Tesseract lee las páginas escaneadas; ninguno marcado: se elige para cada página según su escritura</translation>
    </message>
    <message>
        <source>Not installed (Debian package tesseract-ocr-%1)</source>
        <translation>No instalado (paquete de Debian tesseract-ocr-%1)</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>Idiomas de &amp;OCR:</translation>
    </message>
    <message>
        <source>Guard model</source>
        <translation>Modelo guardián</translation>
    </message>
    <message>
        <source>none: questions and answers are not screened</source>
        <translation>ninguno: no se revisan preguntas ni respuestas</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Archivo…</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>An unsafe question is not answered; an unsafe answer is marked in the conversation, not hidden. The guard runs beside the model and needs its own memory.</source>
        <translation>Una pregunta insegura no se responde; una respuesta insegura se marca en la conversación, no se oculta. El guardián se ejecuta junto al modelo y necesita su propia memoria.</translation>
    </message>
    <message>
        <source>Guar&amp;d model (Llama Guard 3), optional:</source>
        <translation>Modelo guar&amp;dián (Llama Guard 3), opcional:</translation>
    </message>
</context>
<context>
    <name>lectern::ui::StatusPanel</name>
    <message>
        <source>Loading the model</source>
        <translation>Cargando el modelo</translation>
    </message>
    <message>
        <source>Reading pages</source>
        <translation>Leyendo páginas</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>Leyendo archivos</translation>
    </message>
    <message>
        <source>Reading the prompt</source>
        <translation>Leyendo la entrada</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>Respondiendo</translation>
    </message>
    <message>
        <source>Summarizing parts</source>
        <translation>Resumiendo partes</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>Combinando resúmenes</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>Revisando</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>Traduciendo</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Descargando el modelo</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 bits</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 bits</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8 bits</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>Presupuesto de contexto</translation>
    </message>
    <message>
        <source>no documents</source>
        <translation>sin documentos</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memoria</translation>
    </message>
    <message>
        <source>Memory this process holds (resident)</source>
        <translation>Memoria que ocupa este proceso (residente)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Sin modelo</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 tokens</translation>
    </message>
    <message>
        <source>System prompt and documents: %1
Earlier turns: %2
Reserved for the answer: %3
Counted with the model&apos;s tokenizer.%4</source>
        <translation>Instrucciones del sistema y documentos: %1
Turnos anteriores: %2
Reservado para la respuesta: %3
Contado con el tokenizador del modelo.%4</translation>
    </message>
    <message>
        <source>
Some pages or files do not fit and are left out.</source>
        <translation>
Algunas páginas o archivos no caben y quedan fuera.</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, quedan unos %1 s</translation>
    </message>
    <message>
        <source>Answering: %1 tokens/s</source>
        <translation>Respondiendo: %1 tokens/s</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>Memoria: %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::TextView</name>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Files: click one to show it</source>
        <translation>Archivos: haga clic en uno para mostrarlo</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ViewerToolbar</name>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>Página anterior (PageUp)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>Página siguiente (PageDown)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>Número de página: escriba uno y pulse Enter</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Página </translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>Título del documento</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Nivel de zoom</translation>
    </message>
    <message>
        <source>Zoom level (Ctrl+0: 100%)</source>
        <translation>Nivel de zoom (Ctrl+0: 100 %)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Acercar (Ctrl+=)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit the page to the width of the view</source>
        <translation>Ajustar la página al ancho de la vista</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> de %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
</TS>
