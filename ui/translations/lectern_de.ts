<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>lectern::ui::CodeView</name>
    <message>
        <source>File text</source>
        <translation>Dateitext</translation>
    </message>
    <message>
        <source>Line numbers</source>
        <translation>Zeilennummern</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ConversationView</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source> (version %1 of %2)</source>
        <translation> (Version %1 von %2)</translation>
    </message>
    <message>
        <source>Stopped: the answer is incomplete.</source>
        <translation>Gestoppt: Die Antwort ist unvollständig.</translation>
    </message>
    <message>
        <source>Failed: the answer is incomplete.</source>
        <translation>Fehlgeschlagen: Die Antwort ist unvollständig.</translation>
    </message>
    <message>
        <source>Being written…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>*(no text)*</source>
        <translation>*(kein Text)*</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s</source>
        <translation>%1 Token, %2 Token/s</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>What the model saw</source>
        <translation>Was das Modell gesehen hat</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>(no such page)</source>
        <translation>(Seite nicht vorhanden)</translation>
    </message>
    <message>
        <source>(no such paragraph)</source>
        <translation>(Absatz nicht vorhanden)</translation>
    </message>
    <message>
        <source>(no such section)</source>
        <translation>(Abschnitt nicht vorhanden)</translation>
    </message>
    <message>
        <source>(no such line)</source>
        <translation>(Zeile nicht vorhanden)</translation>
    </message>
    <message>
        <source>Guard: safe</source>
        <translation>Wächter: unbedenklich</translation>
    </message>
    <message>
        <source>Guard: unsafe (%1)</source>
        <translation>Wächter: bedenklich (%1)</translation>
    </message>
    <message>
        <source>Guard: its verdict could not be read</source>
        <translation>Wächter: Urteil nicht lesbar</translation>
    </message>
</context>
<context>
    <name>lectern::ui::CoverageStrip</name>
    <message>
        <source>Coverage: pages or files in the context</source>
        <translation>Abdeckung: Seiten oder Dateien im Kontext</translation>
    </message>
    <message>
        <source>%1: %2 tokens, %3</source>
        <translation>%1: %2 Token, %3</translation>
    </message>
    <message>
        <source>in the context</source>
        <translation>im Kontext</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
</context>
<context>
    <name>lectern::ui::DocumentViewer</name>
    <message>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <source>%1 has no text to show</source>
        <translation>%1 enthält keinen anzeigbaren Text</translation>
    </message>
    <message>
        <source>Drop a PDF, a folder of code or a text file</source>
        <translation>Ziehen Sie ein PDF, einen Code-Ordner oder eine Textdatei hierher</translation>
    </message>
</context>
<context>
    <name>lectern::ui::FoundModels</name>
    <message>
        <source>Models on this computer</source>
        <translation>Modelle auf diesem Computer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Search a folder of yours for GGUF files and Hugging Face model folders</source>
        <translation>Einen eigenen Ordner nach GGUF-Dateien und Hugging-Face-Modellordnern durchsuchen</translation>
    </message>
    <message>
        <source>A folder with models</source>
        <translation>Ordner mit Modellen</translation>
    </message>
    <message>
        <source>Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…</source>
        <translation>Hugging-Face-Cache, Ollama, LM Studio, GPT4All und Ihre Ordner werden durchsucht…</translation>
    </message>
    <message>
        <source>your folder</source>
        <translation>Ihr Ordner</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>fits (%1, %2 KV cache)</source>
        <translation>passt (%1, %2-KV-Cache)</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>No models found on this computer: get one, or add a folder.</source>
        <translation>Keine Modelle auf diesem Computer gefunden: Laden Sie eines herunter oder fügen Sie einen Ordner hinzu.</translation>
    </message>
    <message>
        <source>%1 models found, %2 that Lectern can run.</source>
        <translation>Gefundene Modelle: %1; von Lectern ausführbar: %2.</translation>
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
        <translation>Laden Sie ein Llama-3-Modell vom Hugging Face Hub in den Hub-Cache auf diesem Computer herunter (den auch die Werkzeuge des Hubs selbst verwenden). Die Größen sind ungefähre Angaben.</translation>
    </message>
    <message>
        <source>Suggested models</source>
        <translation>Vorgeschlagene Modelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>the GGUF file (empty: the repository&apos;s only one)</source>
        <translation>die GGUF-Datei (leer: die einzige des Repositorys)</translation>
    </message>
    <message>
        <source>File in the repository</source>
        <translation>Datei im Repository</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>S&amp;top download</source>
        <translation>Download a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>Download-Status</translation>
    </message>
    <message>
        <source>Download error</source>
        <translation>Download-Fehler</translation>
    </message>
    <message>
        <source>Download &amp;anyway</source>
        <translation>&amp;Trotzdem herunterladen</translation>
    </message>
    <message>
        <source>Download anyway</source>
        <translation>Trotzdem herunterladen</translation>
    </message>
    <message>
        <source>Download the model even though it does not fit here at this context (for a smaller context, or another computer)</source>
        <translation>Das Modell herunterladen, obwohl es bei diesem Kontext hier nicht passt (für einen kleineren Kontext oder einen anderen Computer)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>fits here</source>
        <translation>passt</translation>
    </message>
    <message>
        <source>too large for this computer</source>
        <translation>zu groß für diesen Computer</translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.</source>
        <translation>Gewichte %1 + KV-Cache %2 (%3 Token, %4); frei: %5.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Asking the Hub for %1…</source>
        <translation>%1 wird beim Hub angefragt…</translation>
    </message>
    <message>
        <source>Downloaded %1: %2</source>
        <translation>%1 heruntergeladen: %2</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>Bereits vorhanden: %1</translation>
    </message>
    <message>
        <source>Stopped. What came is kept: the next download of this file continues from there.</source>
        <translation>Gestoppt. Bereits Heruntergeladenes bleibt erhalten: Der nächste Download dieser Datei setzt dort an.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>, checking the file…</source>
        <translation>, Datei wird geprüft…</translation>
    </message>
    <message>
        <source>, %1/s, about %2 left</source>
        <translation>, %1/s, noch etwa %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;This repository is gated.&lt;/b&gt; Accept its license on the Hugging Face Hub, then give Lectern an access token (HF_TOKEN, or &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) and download again.</source>
        <translation>&lt;b&gt;Dieses Repository ist zugangsbeschränkt.&lt;/b&gt; Akzeptieren Sie seine Lizenz auf dem Hugging Face Hub, geben Sie Lectern dann ein Zugriffstoken (HF_TOKEN oder &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) und laden Sie erneut herunter.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too large for this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zu groß für diesen Computer.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern cannot run this model&lt;/b&gt; (its header says so); choose a Llama 3 model.</source>
        <translation>&lt;b&gt;Lectern kann dieses Modell nicht ausführen&lt;/b&gt; (laut seinem Header); wählen Sie ein Llama-3-Modell.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough disk space&lt;/b&gt; for this model. Free some space, or choose a smaller file.</source>
        <translation>&lt;b&gt;Nicht genug Speicherplatz&lt;/b&gt; für dieses Modell. Geben Sie Speicherplatz frei oder wählen Sie eine kleinere Datei.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The download failed.&lt;/b&gt; Check the network connection; what came is kept, and the next download continues from there.</source>
        <translation>&lt;b&gt;Der Download ist fehlgeschlagen.&lt;/b&gt; Prüfen Sie die Netzwerkverbindung; bereits Heruntergeladenes bleibt erhalten, und der nächste Download setzt dort an.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not found on the Hub.&lt;/b&gt; Check the repository&apos;s and the file&apos;s names.</source>
        <translation>&lt;b&gt;Nicht auf dem Hub gefunden.&lt;/b&gt; Prüfen Sie die Namen von Repository und Datei.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name the file to download.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Geben Sie die herunterzuladende Datei an.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file that came is damaged&lt;/b&gt; (its checksum does not match); it was deleted. Try again.</source>
        <translation>&lt;b&gt;Die empfangene Datei ist beschädigt&lt;/b&gt; (ihre Prüfsumme stimmt nicht); sie wurde gelöscht. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be downloaded.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Das Modell konnte nicht heruntergeladen werden.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>lectern::ui::LibraryPanel</name>
    <message>
        <source>Search messages and documents (Ctrl+F)</source>
        <translation>Nachrichten und Dokumente durchsuchen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Documents of the session</source>
        <translation>Dokumente der Sitzung</translation>
    </message>
    <message>
        <source>Page, file or section</source>
        <translation>Seite, Datei oder Abschnitt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>Sitzung löschen…</translation>
    </message>
    <message>
        <source>No sessions yet: drop a document on the window.</source>
        <translation>Noch keine Sitzungen: Ziehen Sie ein Dokument in das Fenster.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message>
        <source>The document&apos;s text, counted with the model&apos;s tokenizer</source>
        <translation>Text des Dokuments, gezählt mit dem Tokenizer des Modells</translation>
    </message>
    <message>
        <source>Unreliable text: %1</source>
        <translation>Unzuverlässiger Text: %1</translation>
    </message>
    <message>
        <source>  (no text)</source>
        <translation>  (kein Text)</translation>
    </message>
    <message>
        <source>This page has no text layer and was not recognized.</source>
        <translation>Diese Seite hat keine Textebene und wurde nicht erkannt.</translation>
    </message>
    <message>
        <source>  (1 table)</source>
        <translation>  (1 Tabelle)</translation>
    </message>
    <message>
        <source>  (%1 tables)</source>
        <translation>  (%1 Tabellen)</translation>
    </message>
    <message>
        <source>Tables on this page are given to the model as tables, row by row; cite one as [p. %1, table 1].</source>
        <translation>Tabellen auf dieser Seite erhält das Modell als Tabellen, Zeile für Zeile; zitiert wird eine Tabelle als [p. %1, table 1].</translation>
    </message>
    <message>
        <source>Left out: it does not fit the context</source>
        <translation>Ausgelassen: passt nicht in den Kontext</translation>
    </message>
    <message>
        <source>Documents: %1 tokens</source>
        <translation>Dokumente: %1 Token</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>Fragen: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>Übersetzung (%1): %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::MainWindow</name>
    <message>
        <source>The file is damaged or not what it claims to be.</source>
        <translation>Die Datei ist beschädigt oder nicht das, was sie zu sein vorgibt.</translation>
    </message>
    <message>
        <source>Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.</source>
        <translation>Lectern führt Llama-3-Modelle (und Llama-2-Modelle) als GGUF-Dateien oder Hugging-Face-Ordner aus.</translation>
    </message>
    <message>
        <source>The GPU&apos;s memory does not suffice: choose a smaller context or the CPU.</source>
        <translation>Der GPU-Speicher reicht nicht aus: Wählen Sie einen kleineren Kontext oder die CPU.</translation>
    </message>
    <message>
        <source>The disk is full: free some space. What was written before is kept.</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei. Bereits Geschriebenes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Check that the file or folder still exists.</source>
        <translation>Prüfen Sie, ob die Datei oder der Ordner noch existiert.</translation>
    </message>
    <message>
        <source>Check that the file can be read (permissions, a removed disk).</source>
        <translation>Prüfen Sie, ob die Datei gelesen werden kann (Berechtigungen, entfernter Datenträger).</translation>
    </message>
    <message>
        <source>Lectern&apos;s database could not be written; check the disk.</source>
        <translation>Die Datenbank von Lectern konnte nicht geschrieben werden; prüfen Sie den Datenträger.</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>What does not fit</source>
        <translation>Was nicht passt</translation>
    </message>
    <message>
        <source>Ask about the documents… (Ctrl+Enter to send)</source>
        <translation>Ihre Frage zu den Dokumenten… (Ctrl+Enter zum Senden)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Frage senden (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the running task (Esc)</source>
        <translation>Laufende Aufgabe stoppen (Esc)</translation>
    </message>
    <message>
        <source>A task is running in this session: stop it before deleting the session.</source>
        <translation>In dieser Sitzung läuft eine Aufgabe: Stoppen Sie sie, bevor Sie die Sitzung löschen.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Delete this session and its messages?</source>
        <translation>Diese Sitzung und ihre Nachrichten löschen?</translation>
    </message>
    <message>
        <source>The session could not be deleted.</source>
        <translation>Die Sitzung konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open documents…</source>
        <translation>Dokumente ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Dokumente öffnen</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown);;All files (*)</source>
        <translation>Dokumente (*.pdf *.txt *.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a &amp;folder of code…</source>
        <translation>Code-&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a folder of code</source>
        <translation>Code-Ordner öffnen</translation>
    </message>
    <message>
        <source>Choose &amp;model…</source>
        <translation>&amp;Modell wählen…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Sitzung exportieren</translation>
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
        <translation>Die Sitzung konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Ask about the documents (Ctrl+L goes to the question box)</source>
        <translation>Fragen zu den Dokumenten stellen (Ctrl+L springt ins Fragefeld)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)</source>
        <translation>Die Dokumente zusammenfassen, in Teilen, wenn sie nicht passen (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Review folder…</source>
        <translation>Ordner prüfen…</translation>
    </message>
    <message>
        <source>Review a folder of code</source>
        <translation>Code-Ordner prüfen</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Änderungen prüfen…</translation>
    </message>
    <message>
        <source>Review a git repository&apos;s uncommitted changes</source>
        <translation>Nicht committete Änderungen eines Git-Repositorys prüfen</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>Zielsprache</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Übersetzen</translation>
    </message>
    <message>
        <source>Translate the first document into the chosen language</source>
        <translation>Das erste Dokument in die gewählte Sprache übersetzen</translation>
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
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>Das Modell konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>The server&apos;s model could not be used.</source>
        <translation>Das Modell des Servers konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>Lesen gestoppt.</translation>
    </message>
    <message>
        <source>The documents could not be read.</source>
        <translation>Die Dokumente konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The session could not be stored.</source>
        <translation>Die Sitzung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>%1

%2 is encrypted. Enter its password:</source>
        <translation>%1

%2 ist verschlüsselt. Geben Sie das Passwort ein:</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>Die Sitzung konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The session could not be read.</source>
        <translation>Die Sitzung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The sessions could not be listed.</source>
        <translation>Die Sitzungen konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>The budget could not be counted: %1</source>
        <translation>Das Kontextbudget konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Summarize reads everything in %1 chunks (map-reduce).</source>
        <translation>„Zusammenfassen“ liest alles in %1 Teilen (Map-Reduce).</translation>
    </message>
    <message>
        <source>Summarize reads everything, in parts (map-reduce).</source>
        <translation>„Zusammenfassen“ liest alles, in Teilen (Map-Reduce).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The documents do not fit the %1-token context.&lt;/b&gt; Ask will leave out %2 of %3 pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would hold more.</source>
        <translation>&lt;b&gt;Die Dokumente passen nicht in den Kontext von %1 Token.&lt;/b&gt; Beim Fragen werden %2 von %3 Seiten oder Dateien ausgelassen (%4 Token): %5. %6 Ein größerer Kontext (Datei › Modell wählen) würde mehr aufnehmen.</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>Die Aufgabe wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Stopped: the partial answer is kept.</source>
        <translation>Gestoppt: Die Teilantwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)</source>
        <translation>%1 Token mit %2 Token/s; %3 Prompt-Token verarbeitet (%4)</translation>
    </message>
    <message>
        <source>A task in another session has ended; it is in the library.</source>
        <translation>Eine Aufgabe in einer anderen Sitzung wurde beendet; Sie finden sie in der Bibliothek.</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>Kein Modell geöffnet.</translation>
    </message>
    <message>
        <source>Summarize the documents.</source>
        <translation>Die Dokumente zusammenfassen.</translation>
    </message>
    <message>
        <source>Translate %1 into %2.</source>
        <translation>%1 übersetzen (Zielsprache: %2).</translation>
    </message>
    <message>
        <source>Review the uncommitted changes in %1.</source>
        <translation>Die nicht committeten Änderungen in %1 prüfen.</translation>
    </message>
    <message>
        <source>Review the code in %1.</source>
        <translation>Den Code in %1 prüfen.</translation>
    </message>
    <message>
        <source>Ask a question about %1.</source>
        <translation>Stellen Sie eine Frage zu %1.</translation>
    </message>
    <message>
        <source>%1 names no page, line, paragraph or section of these documents.</source>
        <translation>%1 verweist auf keine Seite, keine Zeile, keinen Absatz und keinen Abschnitt dieser Dokumente.</translation>
    </message>
    <message>
        <source>%1 names no page or file of these documents.</source>
        <translation>%1 verweist auf keine Seite und keine Datei dieser Dokumente.</translation>
    </message>
    <message>
        <source>The cited words were not found on %1.</source>
        <translation>Die zitierten Worte wurden nicht gefunden (%1).</translation>
    </message>
    <message>
        <source>The prompt could not be rebuilt.</source>
        <translation>Der Prompt konnte nicht neu erstellt werden.</translation>
    </message>
    <message>
        <source>Choose a smaller context, an 8-bit KV cache or a smaller model.</source>
        <translation>Wählen Sie einen kleineren Kontext, einen 8-Bit-KV-Cache oder ein kleineres Modell.</translation>
    </message>
    <message>
        <source>## Lectern reads whole documents

Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). Each document is counted with the model&apos;s own tokenizer; the meter below shows what the model&apos;s context will hold before anything runs.

Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.</source>
        <translation>## Lectern liest ganze Dokumente

Ziehen Sie ein PDF, einen Code-Ordner oder eine Textdatei in das Fenster (oder **Datei › Dokumente öffnen**, Ctrl+O). Jedes Dokument wird mit dem Tokenizer des Modells selbst gezählt; die Anzeige unten zeigt, bevor etwas ausgeführt wird, was der Kontext des Modells aufnehmen wird.

Stellen Sie dann eine Frage (Ctrl+Enter sendet sie, Esc stoppt die Antwort), oder lassen Sie die Dokumente zusammenfassen, prüfen oder übersetzen.</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinesisch</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Open a session to export it.</source>
        <translation>Öffnen Sie eine Sitzung, um sie zu exportieren.</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>&amp;Export session</source>
        <translation>Sitzung &amp;exportieren</translation>
    </message>
    <message>
        <source>As &amp;Markdown…</source>
        <translation>Als &amp;Markdown…</translation>
    </message>
    <message>
        <source>As &amp;web page (HTML)…</source>
        <translation>Als &amp;Webseite (HTML)…</translation>
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation>Als &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>Als &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Search sessions and documents</source>
        <translation>Sitzungen und Dokumente &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Go to the &amp;question</source>
        <translation>Zum &amp;Fragefeld</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next citation</source>
        <translation>&amp;Nächste Quellenangabe</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>&amp;Previous citation</source>
        <translation>&amp;Vorherige Quellenangabe</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit the page to the width</source>
        <translation>Seite an Breite &amp;anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>Zur &amp;Bibliothek</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;conversation</source>
        <translation>Zur &amp;Unterhaltung</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Go to the &amp;document</source>
        <translation>Zum &amp;Dokument</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>Ü&amp;ber Lectern</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>Über Lectern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern&lt;/b&gt; reads whole documents with a Llama 3 model on this computer: it summarizes them, answers questions with citations, reviews code and translates. Documents never leave the computer unless a model on a server is chosen.</source>
        <translation>&lt;b&gt;Lectern&lt;/b&gt; liest ganze Dokumente mit einem Llama-3-Modell auf diesem Computer: Es fasst sie zusammen, beantwortet Fragen mit Quellenangaben, prüft Code und übersetzt. Die Dokumente verlassen den Computer nie, es sei denn, es wird ein Modell auf einem Server gewählt.</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>Frage senden</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>Laufende Aufgabe stoppen</translation>
    </message>
    <message>
        <source>%1 saved KV prefixes removed.</source>
        <translation>Gespeicherte KV-Präfixe entfernt: %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkombination</translation>
    </message>
    <message>
        <source>The model is loaded.</source>
        <translation>Das Modell ist geladen.</translation>
    </message>
    <message>
        <source>1 document read.</source>
        <translation>1 Dokument gelesen.</translation>
    </message>
    <message>
        <source>%1 documents read.</source>
        <translation>%1 Dokumente gelesen.</translation>
    </message>
    <message>
        <source>Done: the result is in the conversation.</source>
        <translation>Fertig: Das Ergebnis steht in der Unterhaltung.</translation>
    </message>
    <message>
        <source>The guard model could not be loaded.</source>
        <translation>Das Wächtermodell konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The guard model is loaded: questions and answers are screened.</source>
        <translation>Das Wächtermodell ist geladen: Fragen und Antworten werden geprüft.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelDialog</name>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>&amp;Model on this computer</source>
        <translation>&amp;Modell auf diesem Computer</translation>
    </message>
    <message>
        <source>Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a Hugging Face folder (config.json, *.safetensors, tokenizer.json).</source>
        <translation>Lectern führt ein Llama-3-Modell auf diesem Computer aus. Wählen Sie eine GGUF-Datei oder einen Hugging-Face-Ordner (config.json, *.safetensors, tokenizer.json).</translation>
    </message>
    <message>
        <source>Model path</source>
        <translation>Modellpfad</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Automatic (the model&apos;s own, as much as fits)</source>
        <translation>Automatisch (Kontext des Modells, soweit er passt)</translation>
    </message>
    <message>
        <source>%1K tokens</source>
        <translation>%1K Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>Automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>Automatisch (16-Bit, oder 8-Bit, wenn das nicht passt)</translation>
    </message>
    <message>
        <source>16-bit (half the memory)</source>
        <translation>16-Bit (halber Speicherbedarf)</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32-Bit</translation>
    </message>
    <message>
        <source>8-bit (a quarter of the memory, for 128K)</source>
        <translation>8-Bit (ein Viertel des Speicherbedarfs, für 128K)</translation>
    </message>
    <message>
        <source>&amp;KV cache:</source>
        <translation>KV-&amp;Cache:</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
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
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Speicherbedarf</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>&amp;Get a model</source>
        <translation>Modell &amp;abrufen</translation>
    </message>
    <message>
        <source>Download a model from the Hugging Face Hub</source>
        <translation>Ein Modell vom Hugging Face Hub herunterladen</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>Hugging-Face-Modellordner</translation>
    </message>
    <message>
        <source>Model on a &amp;server</source>
        <translation>Modell auf einem &amp;Server</translation>
    </message>
    <message>
        <source>vLLM, llama.cpp&apos;s server, Ollama or lectern-cli serve</source>
        <translation>vLLM, der Server von llama.cpp, Ollama oder lectern-cli serve</translation>
    </message>
    <message>
        <source>For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible server runs the model; the documents, the packing and the sessions stay here. The same model&apos;s tokenizer is needed here, so documents are counted exactly.</source>
        <translation>Für Modelle, die für diesen Computer zu groß sind (Llama 3.1 70B, 405B): Ein OpenAI-kompatibler Server führt das Modell aus; die Dokumente, die Zusammenstellung des Kontexts und die Sitzungen bleiben hier. Der Tokenizer desselben Modells wird hier benötigt, damit die Dokumente exakt gezählt werden.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>sein einziges Modell</translation>
    </message>
    <message>
        <source>Server model</source>
        <translation>Servermodell</translation>
    </message>
    <message>
        <source>Server&apos;s m&amp;odel:</source>
        <translation>M&amp;odell des Servers:</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>none, or $OPENAI_API_KEY</source>
        <translation>keine, oder $OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API-Schlüsseldatei</translation>
    </message>
    <message>
        <source>A file whose first line is the server&apos;s key; the key itself is never stored</source>
        <translation>Eine Datei, deren erste Zeile den Schlüssel des Servers enthält; der Schlüssel selbst wird nie gespeichert</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>API-Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <source>the model&apos;s GGUF file, Hugging Face folder or tokenizer.json</source>
        <translation>GGUF-Datei, Hugging-Face-Ordner oder tokenizer.json des Modells</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>&amp;Tokenizer:</source>
        <translation>&amp;Tokenizer:</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, starting with http:// or https://.</source>
        <translation>Geben Sie die Basis-URL des Servers an, beginnend mit http:// oder https://.</translation>
    </message>
    <message>
        <source>Give the model&apos;s tokenizer on this computer.</source>
        <translation>Geben Sie den Tokenizer des Modells auf diesem Computer an.</translation>
    </message>
    <message>
        <source>Load connects, reads the server&apos;s context and checks the tokenizer against the server&apos;s.</source>
        <translation>„Laden“ stellt die Verbindung her, liest den Kontext des Servers und gleicht den Tokenizer mit dem des Servers ab.</translation>
    </message>
    <message>
        <source>No model chosen.</source>
        <translation>Kein Modell gewählt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This model cannot be used:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Dieses Modell kann nicht verwendet werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = &lt;b&gt;%7&lt;/b&gt;; %8 free.</source>
        <translation>%1&lt;br&gt;%2 Token, %3-KV-Cache: Gewichte %4 + KV-Cache %5 + Arbeitspuffer %6 = &lt;b&gt;%7&lt;/b&gt;; frei: %8.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The model was trained for %1 tokens:&lt;/b&gt; choose a smaller context.</source>
        <translation>&lt;br&gt;&lt;b&gt;Das Modell wurde für %1 Token trainiert:&lt;/b&gt; Wählen Sie einen kleineren Kontext.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;It does not fit:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;Es passt nicht:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Automatic: %1.</source>
        <translation>&lt;br&gt;Automatisch: %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;It would not fit in RAM (%1); on the GPU it may.</source>
        <translation>&lt;br&gt;In den RAM würde es nicht passen (%1); auf die GPU möglicherweise schon.</translation>
    </message>
    <message>
        <source>&lt;br&gt;GPU memory is checked when the model loads.</source>
        <translation>&lt;br&gt;Der GPU-Speicher wird beim Laden des Modells geprüft.</translation>
    </message>
    <message>
        <source>Where the model is</source>
        <translation>Wo sich das Modell befindet</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageCanvas</name>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageList</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Pages: click one to show it</source>
        <translation>Seiten: Klicken Sie auf eine, um sie anzuzeigen</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfRenderService</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be found</source>
        <translation>%1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it is damaged or not a PDF)</source>
        <translation>%1 ist kein lesbares PDF (es ist beschädigt oder kein PDF)</translation>
    </message>
    <message>
        <source>%1 is locked: enter its password</source>
        <translation>%1 ist passwortgeschützt: Geben Sie das Passwort ein</translation>
    </message>
    <message>
        <source>%1 is locked and that password is wrong: enter its password</source>
        <translation>%1 ist passwortgeschützt, und dieses Passwort ist falsch: Geben Sie das Passwort ein</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it has no pages)</source>
        <translation>%1 ist kein lesbares PDF (es hat keine Seiten)</translation>
    </message>
    <message>
        <source>there is no page %1</source>
        <translation>es gibt keine Seite %1</translation>
    </message>
    <message>
        <source>page %1 is damaged</source>
        <translation>Seite %1 ist beschädigt</translation>
    </message>
    <message>
        <source>page %1 could not be drawn</source>
        <translation>Seite %1 konnte nicht gerendert werden</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfView</name>
    <message>
        <source>Page view</source>
        <translation>Seitenansicht</translation>
    </message>
    <message>
        <source>PageUp / PageDown: previous / next page</source>
        <translation>PageUp / PageDown: vorherige / nächste Seite</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>Seite %1 wird gerendert…</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>Seite %1 konnte nicht angezeigt werden: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PromptDialog</name>
    <message>
        <source>What the model saw</source>
        <translation>Was das Modell gesehen hat</translation>
    </message>
    <message>
        <source>Earlier answers are shown as stored text; encoded again, an answer can take a few tokens more or fewer than the ones the model sampled.</source>
        <translation>Frühere Antworten werden als gespeicherter Text angezeigt; neu kodiert kann eine Antwort ein paar Token mehr oder weniger belegen, als das Modell ursprünglich erzeugt hat.</translation>
    </message>
    <message>
        <source>The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.</source>
        <translation>Prompt dieser Antwort: %1 Token. %2 von %3 Seiten oder Dateien waren im Kontext%4.</translation>
    </message>
    <message>
        <source>; %1 were left out (hatched)</source>
        <translation>; %1 wurden ausgelassen (schraffiert)</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>Prompt-Text</translation>
    </message>
</context>
<context>
    <name>lectern::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>All&amp;gemein</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation>&amp;Prompts</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; nothing is saved until OK</source>
        <translation>Setzt alle Einstellungen auf ihre Standardwerte zurück; gespeichert wird erst mit OK</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Sprache der Oberfläche:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>The system&apos;s (light or dark)</source>
        <translation>Systemstandard (hell oder dunkel)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The window changes language at once; the open session stays as it is.</source>
        <translation>Das Fenster wechselt sofort die Sprache; die geöffnete Sitzung bleibt unverändert.</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Modelleinstellungen</translation>
    </message>
    <message>
        <source>&amp;Choose model…</source>
        <translation>Modell &amp;wählen…</translation>
    </message>
    <message>
        <source>The model file or server, its context size, KV cache and backend</source>
        <translation>Modelldatei oder Server, Kontextgröße, KV-Cache und Backend</translation>
    </message>
    <message>
        <source>&amp;Use these values for every task</source>
        <translation>Diese &amp;Werte für alle Aufgaben verwenden</translation>
    </message>
    <message>
        <source>Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and 0.9, Review and Translate take the most likely word</source>
        <translation>Aus: „Fragen“ verwendet Temperatur 0,6 und Top-p 0,9, „Zusammenfassen“ 0,3 und 0,9; „Prüfen“ und „Übersetzen“ nehmen immer das wahrscheinlichste Wort</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>0: always the most likely word; higher: more varied answers</source>
        <translation>0: immer das wahrscheinlichste Wort; höher: abwechslungsreichere Antworten</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
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
        <translation>aus</translation>
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
        <translation>M&amp;in-p:</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>&amp;Repetition penalty:</source>
        <translation>Wiede&amp;rholungsstrafe:</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>new for every answer</source>
        <translation>für jede Antwort neu</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Antwortlänge</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>The longest answer, and the room kept for it in the context</source>
        <translation>Die längste Antwort und der dafür im Kontext reservierte Platz</translation>
    </message>
    <message>
        <source>Answer &amp;length:</source>
        <translation>A&amp;ntwortlänge:</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>Reset to the &amp;shipped text</source>
        <translation>Mitgelieferten Text &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Vorlagentext</translation>
    </message>
    <message>
        <source>Placeholders in double braces, such as {{documents}}, are filled in by the task</source>
        <translation>Platzhalter in doppelten geschweiften Klammern, etwa {{documents}}, füllt die Aufgabe aus</translation>
    </message>
    <message>
        <source>Template state</source>
        <translation>Vorlagenstatus</translation>
    </message>
    <message>
        <source>The shipped text.</source>
        <translation>Der mitgelieferte Text.</translation>
    </message>
    <message>
        <source>Edited: the tasks use this text.</source>
        <translation>Bearbeitet: Die Aufgaben verwenden diesen Text.</translation>
    </message>
    <message>
        <source>Data and cache folders</source>
        <translation>Daten- und Cache-Ordner</translation>
    </message>
    <message>
        <source>&amp;Clear saved KV prefixes</source>
        <translation>Gespeicherte KV-Präfixe &amp;löschen</translation>
    </message>
    <message>
        <source>Follow-up questions on a document read before start from its saved prefix; without it the document is read again</source>
        <translation>Folgefragen zu einem bereits gelesenen Dokument setzen bei seinem gespeicherten Präfix an; ohne dieses wird das Dokument erneut gelesen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model on a server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</source>
        <translation>&lt;b&gt;Modell auf einem Server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>Noch kein Modell gewählt.</translation>
    </message>
    <message>
        <source>automatic (the model&apos;s own, as much as fits)</source>
        <translation>automatisch (Kontext des Modells, soweit er passt)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>automatisch (16-Bit, oder 8-Bit, wenn das nicht passt)</translation>
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
        <translation>automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Context:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;Modell:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Kontext:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV-Cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions and documents:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Sitzungen und Dokumente:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Saved KV prefixes:&lt;/b&gt; %1 (%2 in %3 files)</source>
        <translation>&lt;br&gt;&lt;b&gt;Gespeicherte KV-Präfixe:&lt;/b&gt; %1 (%2 in %3 Dateien)</translation>
    </message>
    <message>
        <source>Appeara&amp;nce:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>T&amp;op-p:</source>
        <translation>T&amp;op-p:</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>OCR-Sprachen</translation>
    </message>
    <message>
        <source>None checked: each scanned page is read in the language of its script</source>
        <translation>Keine ausgewählt: Jede gescannte Seite wird in der Sprache ihrer Schrift gelesen</translation>
    </message>
    <message>
        <source>Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script</source>
        <translation>Sprachen, in denen Tesseract gescannte Seiten liest; keine ausgewählt: für jede Seite nach ihrer Schrift gewählt</translation>
    </message>
    <message>
        <source>Not installed (Debian package tesseract-ocr-%1)</source>
        <translation>Nicht installiert (Debian-Paket tesseract-ocr-%1)</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>&amp;OCR-Sprachen:</translation>
    </message>
    <message>
        <source>Guard model</source>
        <translation>Wächtermodell</translation>
    </message>
    <message>
        <source>none: questions and answers are not screened</source>
        <translation>keins: Fragen und Antworten werden nicht geprüft</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>An unsafe question is not answered; an unsafe answer is marked in the conversation, not hidden. The guard runs beside the model and needs its own memory.</source>
        <translation>Eine bedenkliche Frage wird nicht beantwortet; eine bedenkliche Antwort wird in der Unterhaltung markiert, nicht versteckt. Der Wächter läuft neben dem Modell und braucht eigenen Speicher.</translation>
    </message>
    <message>
        <source>Guar&amp;d model (Llama Guard 3), optional:</source>
        <translation>Wächtermo&amp;dell (Llama Guard 3), optional:</translation>
    </message>
</context>
<context>
    <name>lectern::ui::StatusPanel</name>
    <message>
        <source>Loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <source>Reading pages</source>
        <translation>Seiten werden gelesen</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>Dateien werden gelesen</translation>
    </message>
    <message>
        <source>Reading the prompt</source>
        <translation>Prompt wird gelesen</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>Antwort wird erzeugt</translation>
    </message>
    <message>
        <source>Summarizing parts</source>
        <translation>Teile werden zusammengefasst</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>Zusammenfassungen werden zusammengeführt</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>Code wird geprüft</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>Übersetzung läuft</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Modell wird heruntergeladen</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32-Bit</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16-Bit</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8-Bit</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>Kontextbudget</translation>
    </message>
    <message>
        <source>no documents</source>
        <translation>keine Dokumente</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Memory this process holds (resident)</source>
        <translation>Von diesem Prozess belegter Speicher (resident)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Token</translation>
    </message>
    <message>
        <source>System prompt and documents: %1
Earlier turns: %2
Reserved for the answer: %3
Counted with the model&apos;s tokenizer.%4</source>
        <translation>Systemprompt und Dokumente: %1
Frühere Gesprächsrunden: %2
Für die Antwort reserviert: %3
Gezählt mit dem Tokenizer des Modells.%4</translation>
    </message>
    <message>
        <source>
Some pages or files do not fit and are left out.</source>
        <translation>
Einige Seiten oder Dateien passen nicht und werden ausgelassen.</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <source>Answering: %1 tokens/s</source>
        <translation>Antwort: %1 Token/s</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>Speicher %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::TextView</name>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Files: click one to show it</source>
        <translation>Dateien: Klicken Sie auf eine, um sie anzuzeigen</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ViewerToolbar</name>
    <message>
        <source>Previous</source>
        <translation>Vorherige</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>Vorherige Seite (PageUp)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächste</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>Nächste Seite (PageDown)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>Seitenzahl: eingeben und Enter drücken</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Seite </translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>Dokumenttitel</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Zoomstufe</translation>
    </message>
    <message>
        <source>Zoom level (Ctrl+0: 100%)</source>
        <translation>Zoomstufe (Ctrl+0: 100&#xa0;%)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Vergrößern (Ctrl+=)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>An Breite anpassen</translation>
    </message>
    <message>
        <source>Fit the page to the width of the view</source>
        <translation>Seite an die Breite der Ansicht anpassen</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
</TS>
