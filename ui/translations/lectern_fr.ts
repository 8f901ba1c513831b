<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>lectern::ui::CodeView</name>
    <message>
        <source>File text</source>
        <translation>Texte du fichier</translation>
    </message>
    <message>
        <source>Line numbers</source>
        <translation>Numéros de ligne</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ConversationView</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source> (version %1 of %2)</source>
        <translation> (version %1 sur %2)</translation>
    </message>
    <message>
        <source>Stopped: the answer is incomplete.</source>
        <translation>Interrompue&#xa0;: la réponse est incomplète.</translation>
    </message>
    <message>
        <source>Failed: the answer is incomplete.</source>
        <translation>Échec&#xa0;: la réponse est incomplète.</translation>
    </message>
    <message>
        <source>Being written…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>*(no text)*</source>
        <translation>*(aucun texte)*</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s</source>
        <translation>%1 tokens, %2 tokens/s</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>What the model saw</source>
        <translation>Ce que le modèle a vu</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>(no such page)</source>
        <translation>(page inexistante)</translation>
    </message>
    <message>
        <source>(no such paragraph)</source>
        <translation>(paragraphe inexistant)</translation>
    </message>
    <message>
        <source>(no such section)</source>
        <translation>(section inexistante)</translation>
    </message>
    <message>
        <source>(no such line)</source>
        <translation>(ligne inexistante)</translation>
    </message>
    <message>
        <source>Guard: safe</source>
        <translation>Garde&#xa0;: sûr</translation>
    </message>
    <message>
        <source>Guard: unsafe (%1)</source>
        <translation>Garde&#xa0;: dangereux (%1)</translation>
    </message>
    <message>
        <source>Guard: its verdict could not be read</source>
        <translation>Garde&#xa0;: verdict illisible</translation>
    </message>
</context>
<context>
    <name>lectern::ui::CoverageStrip</name>
    <message>
        <source>Coverage: pages or files in the context</source>
        <translation>Couverture&#xa0;: pages ou fichiers dans le contexte</translation>
    </message>
    <message>
        <source>%1: %2 tokens, %3</source>
        <translation>%1&#xa0;: %2 tokens, %3</translation>
    </message>
    <message>
        <source>in the context</source>
        <translation>dans le contexte</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>hors contexte</translation>
    </message>
</context>
<context>
    <name>lectern::ui::DocumentViewer</name>
    <message>
        <source>No document</source>
        <translation>Aucun document</translation>
    </message>
    <message>
        <source>%1 has no text to show</source>
        <translation>%1 ne contient aucun texte à afficher</translation>
    </message>
    <message>
        <source>Drop a PDF, a folder of code or a text file</source>
        <translation>Déposez un PDF, un dossier de code ou un fichier texte</translation>
    </message>
</context>
<context>
    <name>lectern::ui::FoundModels</name>
    <message>
        <source>Models on this computer</source>
        <translation>Modèles sur cet ordinateur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>État de la recherche</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Search a folder of yours for GGUF files and Hugging Face model folders</source>
        <translation>Rechercher des fichiers GGUF et des dossiers de modèles Hugging Face dans l&apos;un de vos dossiers</translation>
    </message>
    <message>
        <source>A folder with models</source>
        <translation>Dossier contenant des modèles</translation>
    </message>
    <message>
        <source>Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…</source>
        <translation>Recherche dans le cache Hugging Face, Ollama, LM Studio, GPT4All et vos dossiers…</translation>
    </message>
    <message>
        <source>your folder</source>
        <translation>votre dossier</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>non exécutable&#xa0;: %1</translation>
    </message>
    <message>
        <source>fits (%1, %2 KV cache)</source>
        <translation>tient (%1, cache KV %2)</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>trop grand</translation>
    </message>
    <message>
        <source>No models found on this computer: get one, or add a folder.</source>
        <translation>Aucun modèle trouvé sur cet ordinateur&#xa0;: obtenez-en un ou ajoutez un dossier.</translation>
    </message>
    <message>
        <source>%1 models found, %2 that Lectern can run.</source>
        <translation>Modèles trouvés&#xa0;: %1&#xa0;; exécutables par Lectern&#xa0;: %2.</translation>
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
        <translation>Téléchargez un modèle Llama 3 depuis le Hugging Face Hub dans le cache du Hub sur cet ordinateur (partagé avec les outils propres au Hub). Les tailles sont approximatives.</translation>
    </message>
    <message>
        <source>Suggested models</source>
        <translation>Modèles suggérés</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Dépôt&#xa0;:</translation>
    </message>
    <message>
        <source>the GGUF file (empty: the repository&apos;s only one)</source>
        <translation>le fichier GGUF (vide&#xa0;: le seul du dépôt)</translation>
    </message>
    <message>
        <source>File in the repository</source>
        <translation>Fichier du dépôt</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Télécharger</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>S&amp;top download</source>
        <translation>&amp;Arrêter le téléchargement</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>Arrêter le téléchargement</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>État du téléchargement</translation>
    </message>
    <message>
        <source>Download error</source>
        <translation>Erreur de téléchargement</translation>
    </message>
    <message>
        <source>Download &amp;anyway</source>
        <translation>Télécharger &amp;quand même</translation>
    </message>
    <message>
        <source>Download anyway</source>
        <translation>Télécharger quand même</translation>
    </message>
    <message>
        <source>Download the model even though it does not fit here at this context (for a smaller context, or another computer)</source>
        <translation>Télécharger le modèle même s&apos;il ne tient pas ici avec ce contexte (pour un contexte plus petit ou un autre ordinateur)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <source>fits here</source>
        <translation>tient en mémoire</translation>
    </message>
    <message>
        <source>too large for this computer</source>
        <translation>trop grand pour cet ordinateur</translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.</source>
        <translation>Poids %1 + cache KV %2 (%3 tokens, %4)&#xa0;; mémoire libre&#xa0;: %5.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Asking the Hub for %1…</source>
        <translation>Interrogation du Hub pour %1…</translation>
    </message>
    <message>
        <source>Downloaded %1: %2</source>
        <translation>%1 téléchargés&#xa0;: %2</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>Déjà présent&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stopped. What came is kept: the next download of this file continues from there.</source>
        <translation>Arrêté. Ce qui a été reçu est conservé&#xa0;: le prochain téléchargement de ce fichier reprendra à partir de là.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>, checking the file…</source>
        <translation>, vérification du fichier…</translation>
    </message>
    <message>
        <source>, %1/s, about %2 left</source>
        <translation>, %1/s, encore environ %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;This repository is gated.&lt;/b&gt; Accept its license on the Hugging Face Hub, then give Lectern an access token (HF_TOKEN, or &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) and download again.</source>
        <translation>&lt;b&gt;Ce dépôt est à accès restreint.&lt;/b&gt; Acceptez sa licence sur le Hugging Face Hub, puis donnez à Lectern un jeton d&apos;accès (HF_TOKEN ou &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) et relancez le téléchargement.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too large for this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Trop grand pour cet ordinateur.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern cannot run this model&lt;/b&gt; (its header says so); choose a Llama 3 model.</source>
        <translation>&lt;b&gt;Lectern ne peut pas exécuter ce modèle&lt;/b&gt; (selon son en-tête)&#xa0;; choisissez un modèle Llama 3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough disk space&lt;/b&gt; for this model. Free some space, or choose a smaller file.</source>
        <translation>&lt;b&gt;Espace disque insuffisant&lt;/b&gt; pour ce modèle. Libérez de l&apos;espace ou choisissez un fichier plus petit.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The download failed.&lt;/b&gt; Check the network connection; what came is kept, and the next download continues from there.</source>
        <translation>&lt;b&gt;Le téléchargement a échoué.&lt;/b&gt; Vérifiez la connexion réseau&#xa0;; ce qui a été reçu est conservé et le prochain téléchargement reprendra à partir de là.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not found on the Hub.&lt;/b&gt; Check the repository&apos;s and the file&apos;s names.</source>
        <translation>&lt;b&gt;Introuvable sur le Hub.&lt;/b&gt; Vérifiez les noms du dépôt et du fichier.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name the file to download.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Indiquez le fichier à télécharger.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file that came is damaged&lt;/b&gt; (its checksum does not match); it was deleted. Try again.</source>
        <translation>&lt;b&gt;Le fichier reçu est endommagé&lt;/b&gt; (sa somme de contrôle ne correspond pas)&#xa0;; il a été supprimé. Réessayez.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be downloaded.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Le modèle n&apos;a pas pu être téléchargé.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>lectern::ui::LibraryPanel</name>
    <message>
        <source>Search messages and documents (Ctrl+F)</source>
        <translation>Rechercher dans les messages et les documents (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Documents of the session</source>
        <translation>Documents de la session</translation>
    </message>
    <message>
        <source>Page, file or section</source>
        <translation>Page, fichier ou section</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>Supprimer la session…</translation>
    </message>
    <message>
        <source>No sessions yet: drop a document on the window.</source>
        <translation>Aucune session pour l&apos;instant&#xa0;: déposez un document dans la fenêtre.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The document&apos;s text, counted with the model&apos;s tokenizer</source>
        <translation>Texte du document, compté avec le tokeniseur du modèle</translation>
    </message>
    <message>
        <source>Unreliable text: %1</source>
        <translation>Texte peu fiable&#xa0;: %1</translation>
    </message>
    <message>
        <source>  (no text)</source>
        <translation>  (aucun texte)</translation>
    </message>
    <message>
        <source>This page has no text layer and was not recognized.</source>
        <translation>Cette page n&apos;a pas de couche texte et n&apos;a pas été reconnue.</translation>
    </message>
    <message>
        <source>  (1 table)</source>
        <translation>  (1 tableau)</translation>
    </message>
    <message>
        <source>  (%1 tables)</source>
        <translation>  (%1 tableaux)</translation>
    </message>
    <message>
        <source>Tables on this page are given to the model as tables, row by row; cite one as [p. %1, table 1].</source>
        <translation>Les tableaux de cette page sont transmis au modèle sous forme de tableaux, ligne par ligne&#xa0;; un tableau se cite sous la forme [p. %1, table 1].</translation>
    </message>
    <message>
        <source>Left out: it does not fit the context</source>
        <translation>Exclu&#xa0;: ne tient pas dans le contexte</translation>
    </message>
    <message>
        <source>Documents: %1 tokens</source>
        <translation>Documents&#xa0;: %1 tokens</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>non comptés</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>Questions&#xa0;: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Résumé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Relecture&#xa0;: %1</translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>Traduction (%1)&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::MainWindow</name>
    <message>
        <source>The file is damaged or not what it claims to be.</source>
        <translation>Le fichier est endommagé ou n&apos;est pas ce qu&apos;il prétend être.</translation>
    </message>
    <message>
        <source>Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.</source>
        <translation>Lectern exécute les modèles Llama 3 (et Llama 2) sous forme de fichiers GGUF ou de dossiers Hugging Face.</translation>
    </message>
    <message>
        <source>The GPU&apos;s memory does not suffice: choose a smaller context or the CPU.</source>
        <translation>La mémoire du GPU est insuffisante&#xa0;: choisissez un contexte plus petit ou le CPU.</translation>
    </message>
    <message>
        <source>The disk is full: free some space. What was written before is kept.</source>
        <translation>Le disque est plein&#xa0;: libérez de l&apos;espace. Ce qui a déjà été écrit est conservé.</translation>
    </message>
    <message>
        <source>Check that the file or folder still exists.</source>
        <translation>Vérifiez que le fichier ou le dossier existe toujours.</translation>
    </message>
    <message>
        <source>Check that the file can be read (permissions, a removed disk).</source>
        <translation>Vérifiez que le fichier peut être lu (permissions, disque retiré).</translation>
    </message>
    <message>
        <source>Lectern&apos;s database could not be written; check the disk.</source>
        <translation>La base de données de Lectern n&apos;a pas pu être écrite&#xa0;; vérifiez le disque.</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>What does not fit</source>
        <translation>Ce qui ne tient pas</translation>
    </message>
    <message>
        <source>Ask about the documents… (Ctrl+Enter to send)</source>
        <translation>Posez une question sur les documents… (Ctrl+Enter pour envoyer)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Envoyer la question (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the running task (Esc)</source>
        <translation>Arrêter la tâche en cours (Esc)</translation>
    </message>
    <message>
        <source>A task is running in this session: stop it before deleting the session.</source>
        <translation>Une tâche est en cours dans cette session&#xa0;: arrêtez-la avant de supprimer la session.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>Delete this session and its messages?</source>
        <translation>Supprimer cette session et ses messages&#xa0;?</translation>
    </message>
    <message>
        <source>The session could not be deleted.</source>
        <translation>La session n&apos;a pas pu être supprimée.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open documents…</source>
        <translation>&amp;Ouvrir des documents…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Ouvrir des documents</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown);;All files (*)</source>
        <translation>Documents (*.pdf *.txt *.md *.markdown);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open a &amp;folder of code…</source>
        <translation>Ouvrir un &amp;dossier de code…</translation>
    </message>
    <message>
        <source>Open a folder of code</source>
        <translation>Ouvrir un dossier de code</translation>
    </message>
    <message>
        <source>Choose &amp;model…</source>
        <translation>Choisir un &amp;modèle…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exporter la session</translation>
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
        <translation>La session n&apos;a pas pu être exportée.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Ask about the documents (Ctrl+L goes to the question box)</source>
        <translation>Poser une question sur les documents (Ctrl+L place le curseur dans le champ de question)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Résumer</translation>
    </message>
    <message>
        <source>Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)</source>
        <translation>Résumer les documents, par parties s&apos;ils ne tiennent pas (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Review folder…</source>
        <translation>Examiner un dossier…</translation>
    </message>
    <message>
        <source>Review a folder of code</source>
        <translation>Examiner un dossier de code</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Examiner les modifications…</translation>
    </message>
    <message>
        <source>Review a git repository&apos;s uncommitted changes</source>
        <translation>Examiner les modifications non validées d&apos;un dépôt Git</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>Langue cible</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Traduire</translation>
    </message>
    <message>
        <source>Translate the first document into the chosen language</source>
        <translation>Traduire le premier document dans la langue choisie</translation>
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
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>Le modèle n&apos;a pas pu être chargé.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The server&apos;s model could not be used.</source>
        <translation>Le modèle du serveur n&apos;a pas pu être utilisé.</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>Lecture arrêtée.</translation>
    </message>
    <message>
        <source>The documents could not be read.</source>
        <translation>Les documents n&apos;ont pas pu être lus.</translation>
    </message>
    <message>
        <source>The session could not be stored.</source>
        <translation>La session n&apos;a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>%1

%2 is encrypted. Enter its password:</source>
        <translation>%1

%2 est chiffré. Saisissez son mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>La session n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>The session could not be read.</source>
        <translation>La session n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>The sessions could not be listed.</source>
        <translation>Impossible de lister les sessions.</translation>
    </message>
    <message>
        <source>The budget could not be counted: %1</source>
        <translation>Le budget de contexte n&apos;a pas pu être calculé&#xa0;: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Summarize reads everything in %1 chunks (map-reduce).</source>
        <translation>«&#xa0;Résumer&#xa0;» lit tout en %1 parties (map-reduce).</translation>
    </message>
    <message>
        <source>Summarize reads everything, in parts (map-reduce).</source>
        <translation>«&#xa0;Résumer&#xa0;» lit tout, par parties (map-reduce).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The documents do not fit the %1-token context.&lt;/b&gt; Ask will leave out %2 of %3 pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would hold more.</source>
        <translation>&lt;b&gt;Les documents ne tiennent pas dans le contexte de %1 tokens.&lt;/b&gt; «&#xa0;Demander&#xa0;» laissera de côté %2 pages ou fichiers sur %3 (%4 tokens)&#xa0;: %5. %6 Un contexte plus grand (Fichier › Choisir un modèle) en contiendrait davantage.</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>La tâche n&apos;a pas abouti.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopped: the partial answer is kept.</source>
        <translation>Arrêté&#xa0;: la réponse partielle est conservée.</translation>
    </message>
    <message>
        <source>%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)</source>
        <translation>%1 tokens à %2 tokens/s&#xa0;; %3 tokens de prompt traités (%4)</translation>
    </message>
    <message>
        <source>A task in another session has ended; it is in the library.</source>
        <translation>Une tâche d&apos;une autre session est terminée&#xa0;; elle se trouve dans la bibliothèque.</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>Aucun modèle n&apos;est ouvert.</translation>
    </message>
    <message>
        <source>Summarize the documents.</source>
        <translation>Résumer les documents.</translation>
    </message>
    <message>
        <source>Translate %1 into %2.</source>
        <translation>Traduire %1 (langue cible&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Review the uncommitted changes in %1.</source>
        <translation>Examiner les modifications non validées dans %1.</translation>
    </message>
    <message>
        <source>Review the code in %1.</source>
        <translation>Examiner le code dans %1.</translation>
    </message>
    <message>
        <source>Ask a question about %1.</source>
        <translation>Posez une question sur %1.</translation>
    </message>
    <message>
        <source>%1 names no page, line, paragraph or section of these documents.</source>
        <translation>%1 ne désigne ni une page, ni une ligne, ni un paragraphe, ni une section de ces documents.</translation>
    </message>
    <message>
        <source>%1 names no page or file of these documents.</source>
        <translation>%1 ne désigne ni une page ni un fichier de ces documents.</translation>
    </message>
    <message>
        <source>The cited words were not found on %1.</source>
        <translation>Les mots cités sont introuvables (%1).</translation>
    </message>
    <message>
        <source>The prompt could not be rebuilt.</source>
        <translation>Le prompt n&apos;a pas pu être reconstruit.</translation>
    </message>
    <message>
        <source>Choose a smaller context, an 8-bit KV cache or a smaller model.</source>
        <translation>Choisissez un contexte plus petit, un cache KV 8 bits ou un modèle plus petit.</translation>
    </message>
    <message>
        <source>## Lectern reads whole documents

Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). Each document is counted with the model&apos;s own tokenizer; the meter below shows what the model&apos;s context will hold before anything runs.

Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.</source>
        <translation>## Lectern lit des documents entiers

Déposez un PDF, un dossier de code ou un fichier texte dans la fenêtre (ou **Fichier › Ouvrir des documents**, Ctrl+O). Chaque document est compté avec le tokeniseur du modèle lui-même&#xa0;; la jauge ci-dessous indique, avant toute exécution, ce que le contexte du modèle pourra contenir.

Posez ensuite une question (Ctrl+Enter l&apos;envoie, Esc arrête la réponse), ou bien résumez, examinez ou traduisez.</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinois</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russe</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonais</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugais</translation>
    </message>
    <message>
        <source>Open a session to export it.</source>
        <translation>Ouvrez une session pour l&apos;exporter.</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Session exportée vers %1.</translation>
    </message>
    <message>
        <source>&amp;Export session</source>
        <translation>&amp;Exporter la session</translation>
    </message>
    <message>
        <source>As &amp;Markdown…</source>
        <translation>En &amp;Markdown…</translation>
    </message>
    <message>
        <source>As &amp;web page (HTML)…</source>
        <translation>En page &amp;web (HTML)…</translation>
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation>En &amp;PDF…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>En &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Search sessions and documents</source>
        <translation>&amp;Rechercher dans les sessions et documents</translation>
    </message>
    <message>
        <source>Go to the &amp;question</source>
        <translation>Aller à la &amp;question</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Next citation</source>
        <translation>Citation &amp;suivante</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>&amp;Previous citation</source>
        <translation>Citation &amp;précédente</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit the page to the width</source>
        <translation>Ajuster la page à la &amp;largeur</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>Aller à la &amp;bibliothèque</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;conversation</source>
        <translation>Aller à la &amp;conversation</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Go to the &amp;document</source>
        <translation>Aller au &amp;document</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>À &amp;propos de Lectern</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>À propos de Lectern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern&lt;/b&gt; reads whole documents with a Llama 3 model on this computer: it summarizes them, answers questions with citations, reviews code and translates. Documents never leave the computer unless a model on a server is chosen.</source>
        <translation>&lt;b&gt;Lectern&lt;/b&gt; lit des documents entiers avec un modèle Llama 3 sur cet ordinateur&#xa0;: il les résume, répond aux questions avec des citations, examine du code et traduit. Les documents ne quittent jamais l&apos;ordinateur, sauf si un modèle sur un serveur est choisi.</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>Envoyer la question</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>Arrêter la tâche en cours</translation>
    </message>
    <message>
        <source>%1 saved KV prefixes removed.</source>
        <translation>Préfixes KV enregistrés supprimés&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>The model is loaded.</source>
        <translation>Le modèle est chargé.</translation>
    </message>
    <message>
        <source>1 document read.</source>
        <translation>1 document lu.</translation>
    </message>
    <message>
        <source>%1 documents read.</source>
        <translation>%1 documents lus.</translation>
    </message>
    <message>
        <source>Done: the result is in the conversation.</source>
        <translation>Terminé&#xa0;: le résultat est dans la conversation.</translation>
    </message>
    <message>
        <source>The guard model could not be loaded.</source>
        <translation>Le modèle de garde n&apos;a pas pu être chargé.</translation>
    </message>
    <message>
        <source>The guard model is loaded: questions and answers are screened.</source>
        <translation>Le modèle de garde est chargé&#xa0;: questions et réponses sont contrôlées.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelDialog</name>
    <message>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <source>&amp;Model on this computer</source>
        <translation>&amp;Modèle sur cet ordinateur</translation>
    </message>
    <message>
        <source>Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a Hugging Face folder (config.json, *.safetensors, tokenizer.json).</source>
        <translation>Lectern exécute un modèle Llama 3 sur cet ordinateur. Choisissez un fichier GGUF ou un dossier Hugging Face (config.json, *.safetensors, tokenizer.json).</translation>
    </message>
    <message>
        <source>Model path</source>
        <translation>Chemin du modèle</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (the model&apos;s own, as much as fits)</source>
        <translation>Automatique (celui du modèle, autant que possible)</translation>
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
        <translation>Conte&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>Automatique (16 bits, ou 8 bits si cela ne tient pas)</translation>
    </message>
    <message>
        <source>16-bit (half the memory)</source>
        <translation>16 bits (moitié moins de mémoire)</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 bits</translation>
    </message>
    <message>
        <source>8-bit (a quarter of the memory, for 128K)</source>
        <translation>8 bits (quatre fois moins de mémoire, pour 128K)</translation>
    </message>
    <message>
        <source>&amp;KV cache:</source>
        <translation>Cache &amp;KV&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>Automatique (GPU si disponible)</translation>
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
        <translation>&amp;Backend&#xa0;:</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Mémoire nécessaire</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Charger</translation>
    </message>
    <message>
        <source>&amp;Get a model</source>
        <translation>&amp;Obtenir un modèle</translation>
    </message>
    <message>
        <source>Download a model from the Hugging Face Hub</source>
        <translation>Télécharger un modèle depuis le Hugging Face Hub</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>Dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Model on a &amp;server</source>
        <translation>Modèle sur un &amp;serveur</translation>
    </message>
    <message>
        <source>vLLM, llama.cpp&apos;s server, Ollama or lectern-cli serve</source>
        <translation>vLLM, le serveur de llama.cpp, Ollama ou lectern-cli serve</translation>
    </message>
    <message>
        <source>For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible server runs the model; the documents, the packing and the sessions stay here. The same model&apos;s tokenizer is needed here, so documents are counted exactly.</source>
        <translation>Pour les modèles trop grands pour cet ordinateur (Llama 3.1 70B, 405B)&#xa0;: un serveur compatible OpenAI exécute le modèle&#xa0;; les documents, leur agencement dans le contexte et les sessions restent ici. Le tokeniseur du même modèle est nécessaire ici pour que les documents soient comptés exactement.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>son unique modèle</translation>
    </message>
    <message>
        <source>Server model</source>
        <translation>Modèle du serveur</translation>
    </message>
    <message>
        <source>Server&apos;s m&amp;odel:</source>
        <translation>Mo&amp;dèle du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>none, or $OPENAI_API_KEY</source>
        <translation>aucun, ou $OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>Fichier de clé API</translation>
    </message>
    <message>
        <source>A file whose first line is the server&apos;s key; the key itself is never stored</source>
        <translation>Un fichier dont la première ligne contient la clé du serveur&#xa0;; la clé elle-même n&apos;est jamais enregistrée</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>Fichier de clé &amp;API&#xa0;:</translation>
    </message>
    <message>
        <source>the model&apos;s GGUF file, Hugging Face folder or tokenizer.json</source>
        <translation>fichier GGUF, dossier Hugging Face ou tokenizer.json du modèle</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokeniseur</translation>
    </message>
    <message>
        <source>&amp;Tokenizer:</source>
        <translation>&amp;Tokeniseur&#xa0;:</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, starting with http:// or https://.</source>
        <translation>Indiquez l&apos;URL de base du serveur, commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>Give the model&apos;s tokenizer on this computer.</source>
        <translation>Indiquez le tokeniseur du modèle sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Load connects, reads the server&apos;s context and checks the tokenizer against the server&apos;s.</source>
        <translation>«&#xa0;Charger&#xa0;» se connecte, lit le contexte du serveur et compare le tokeniseur à celui du serveur.</translation>
    </message>
    <message>
        <source>No model chosen.</source>
        <translation>Aucun modèle choisi.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This model cannot be used:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ce modèle ne peut pas être utilisé&#xa0;:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = &lt;b&gt;%7&lt;/b&gt;; %8 free.</source>
        <translation>%1&lt;br&gt;%2 tokens, cache KV %3&#xa0;: poids %4 + cache KV %5 + mémoire de travail %6 = &lt;b&gt;%7&lt;/b&gt;&#xa0;; mémoire libre&#xa0;: %8.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The model was trained for %1 tokens:&lt;/b&gt; choose a smaller context.</source>
        <translation>&lt;br&gt;&lt;b&gt;Le modèle a été entraîné pour %1 tokens&#xa0;:&lt;/b&gt; choisissez un contexte plus petit.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;It does not fit:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;Il ne tient pas&#xa0;:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Automatic: %1.</source>
        <translation>&lt;br&gt;Automatique&#xa0;: %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;It would not fit in RAM (%1); on the GPU it may.</source>
        <translation>&lt;br&gt;Il ne tiendrait pas en RAM (%1)&#xa0;; sur le GPU, peut-être.</translation>
    </message>
    <message>
        <source>&lt;br&gt;GPU memory is checked when the model loads.</source>
        <translation>&lt;br&gt;La mémoire du GPU est vérifiée au chargement du modèle.</translation>
    </message>
    <message>
        <source>Where the model is</source>
        <translation>Emplacement du modèle</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageCanvas</name>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageList</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Pages: click one to show it</source>
        <translation>Pages&#xa0;: cliquez sur une page pour l&apos;afficher</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfRenderService</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 could not be found</source>
        <translation>%1 est introuvable</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>Impossible de lire %1&#xa0;: accès refusé</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it is damaged or not a PDF)</source>
        <translation>%1 n&apos;est pas un PDF lisible (il est endommagé ou ce n&apos;est pas un PDF)</translation>
    </message>
    <message>
        <source>%1 is locked: enter its password</source>
        <translation>%1 est verrouillé&#xa0;: saisissez son mot de passe</translation>
    </message>
    <message>
        <source>%1 is locked and that password is wrong: enter its password</source>
        <translation>%1 est verrouillé et ce mot de passe est incorrect&#xa0;: saisissez son mot de passe</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it has no pages)</source>
        <translation>%1 n&apos;est pas un PDF lisible (il ne contient aucune page)</translation>
    </message>
    <message>
        <source>there is no page %1</source>
        <translation>la page %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>page %1 is damaged</source>
        <translation>la page %1 est endommagée</translation>
    </message>
    <message>
        <source>page %1 could not be drawn</source>
        <translation>la page %1 n&apos;a pas pu être rendue</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfView</name>
    <message>
        <source>Page view</source>
        <translation>Vue de la page</translation>
    </message>
    <message>
        <source>PageUp / PageDown: previous / next page</source>
        <translation>PageUp / PageDown&#xa0;: page précédente / suivante</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>Rendu de la page %1…</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>Impossible d&apos;afficher la page %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PromptDialog</name>
    <message>
        <source>What the model saw</source>
        <translation>Ce que le modèle a vu</translation>
    </message>
    <message>
        <source>Earlier answers are shown as stored text; encoded again, an answer can take a few tokens more or fewer than the ones the model sampled.</source>
        <translation>Les réponses précédentes sont affichées sous forme de texte enregistré&#xa0;; une fois encodée à nouveau, une réponse peut occuper quelques tokens de plus ou de moins que ceux que le modèle avait échantillonnés.</translation>
    </message>
    <message>
        <source>The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.</source>
        <translation>Prompt de cette réponse&#xa0;: %1 tokens. %2 pages ou fichiers sur %3 étaient dans le contexte%4.</translation>
    </message>
    <message>
        <source>; %1 were left out (hatched)</source>
        <translation>&#xa0;; %1 en étaient exclus (hachurés)</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>Texte du prompt</translation>
    </message>
</context>
<context>
    <name>lectern::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Réponses</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation>&amp;Prompts</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Stockage</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; nothing is saved until OK</source>
        <translation>Rétablit la valeur par défaut de chaque paramètre&#xa0;; rien n&apos;est enregistré avant OK</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Selon le système (%1)</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Langue de l&apos;interface&#xa0;:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>The system&apos;s (light or dark)</source>
        <translation>Selon le système (claire ou sombre)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claire</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The window changes language at once; the open session stays as it is.</source>
        <translation>La fenêtre change de langue immédiatement&#xa0;; la session ouverte reste telle quelle.</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Paramètres du modèle</translation>
    </message>
    <message>
        <source>&amp;Choose model…</source>
        <translation>&amp;Choisir un modèle…</translation>
    </message>
    <message>
        <source>The model file or server, its context size, KV cache and backend</source>
        <translation>Le fichier ou le serveur du modèle, la taille du contexte, le cache KV et le backend</translation>
    </message>
    <message>
        <source>&amp;Use these values for every task</source>
        <translation>&amp;Utiliser ces valeurs pour toutes les tâches</translation>
    </message>
    <message>
        <source>Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and 0.9, Review and Translate take the most likely word</source>
        <translation>Désactivé&#xa0;: «&#xa0;Demander&#xa0;» échantillonne avec une température de 0,6 et un top-p de 0,9, «&#xa0;Résumer&#xa0;» avec 0,3 et 0,9&#xa0;; «&#xa0;Examiner&#xa0;» et «&#xa0;Traduire&#xa0;» prennent toujours le mot le plus probable</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>0: always the most likely word; higher: more varied answers</source>
        <translation>0&#xa0;: toujours le mot le plus probable&#xa0;; plus élevée&#xa0;: réponses plus variées</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Température&#xa0;:</translation>
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
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation>Top-&amp;k&#xa0;:</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>M&amp;in-p:</source>
        <translation>M&amp;in-p&#xa0;:</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>&amp;Repetition penalty:</source>
        <translation>Pé&amp;nalité de répétition&#xa0;:</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>new for every answer</source>
        <translation>nouvelle à chaque réponse</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Gr&amp;aine&#xa0;:</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>Longueur de réponse</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>The longest answer, and the room kept for it in the context</source>
        <translation>La réponse la plus longue, et la place qui lui est réservée dans le contexte</translation>
    </message>
    <message>
        <source>Answer &amp;length:</source>
        <translation>&amp;Longueur de réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Gabarit de prompt</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>Ga&amp;barit&#xa0;:</translation>
    </message>
    <message>
        <source>Reset to the &amp;shipped text</source>
        <translation>Rétablir le texte d&apos;&amp;origine</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texte du gabarit</translation>
    </message>
    <message>
        <source>Placeholders in double braces, such as {{documents}}, are filled in by the task</source>
        <translation>Les espaces réservés entre doubles accolades, comme {{documents}}, sont remplis par la tâche</translation>
    </message>
    <message>
        <source>Template state</source>
        <translation>État du gabarit</translation>
    </message>
    <message>
        <source>The shipped text.</source>
        <translation>Le texte d&apos;origine.</translation>
    </message>
    <message>
        <source>Edited: the tasks use this text.</source>
        <translation>Modifié&#xa0;: les tâches utilisent ce texte.</translation>
    </message>
    <message>
        <source>Data and cache folders</source>
        <translation>Dossiers de données et de cache</translation>
    </message>
    <message>
        <source>&amp;Clear saved KV prefixes</source>
        <translation>&amp;Effacer les préfixes KV enregistrés</translation>
    </message>
    <message>
        <source>Follow-up questions on a document read before start from its saved prefix; without it the document is read again</source>
        <translation>Les questions de suivi sur un document déjà lu repartent de son préfixe enregistré&#xa0;; sans lui, le document est relu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model on a server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</source>
        <translation>&lt;b&gt;Modèle sur un serveur&#xa0;:&lt;/b&gt; %1 %2&lt;br&gt;Tokeniseur&#xa0;: %3</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>Aucun modèle choisi pour l&apos;instant.</translation>
    </message>
    <message>
        <source>automatic (the model&apos;s own, as much as fits)</source>
        <translation>automatique (celui du modèle, autant que possible)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>automatique (16 bits, ou 8 bits si cela ne tient pas)</translation>
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
        <translation>automatique (GPU si disponible)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Context:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;Modèle&#xa0;:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Contexte&#xa0;:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Cache KV&#xa0;:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend&#xa0;:&lt;/b&gt; %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions and documents:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Sessions et documents&#xa0;:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Saved KV prefixes:&lt;/b&gt; %1 (%2 in %3 files)</source>
        <translation>&lt;br&gt;&lt;b&gt;Préfixes KV enregistrés&#xa0;:&lt;/b&gt; %1 (%2 dans %3 fichiers)</translation>
    </message>
    <message>
        <source>Appeara&amp;nce:</source>
        <translation>&amp;Apparence&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;op-p:</source>
        <translation>T&amp;op-p&#xa0;:</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Langues de l&apos;OCR</translation>
    </message>
    <message>
        <source>None checked: each scanned page is read in the language of its script</source>
        <translation>Aucune cochée&#xa0;: chaque page numérisée est lue dans la langue de son écriture</translation>
    </message>
    <message>
        <source>Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script</source>
        <translation>Langues dans lesquelles Tesseract lit les pages numérisées&#xa0;; aucune cochée&#xa0;: choisie pour chaque page selon son écriture</translation>
    </message>
    <message>
        <source>Not installed (Debian package tesseract-ocr-%1)</source>
        <translation>Non installée (paquet Debian tesseract-ocr-%1)</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>Langues de l&apos;&amp;OCR&#xa0;:</translation>
    </message>
    <message>
        <source>Guard model</source>
        <translation>Modèle de garde</translation>
    </message>
    <message>
        <source>none: questions and answers are not screened</source>
        <translation>aucun&#xa0;: questions et réponses ne sont pas contrôlées</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>An unsafe question is not answered; an unsafe answer is marked in the conversation, not hidden. The guard runs beside the model and needs its own memory.</source>
        <translation>Une question dangereuse reste sans réponse&#xa0;; une réponse dangereuse est signalée dans la conversation, pas masquée. Le garde tourne à côté du modèle et demande sa propre mémoire.</translation>
    </message>
    <message>
        <source>Guar&amp;d model (Llama Guard 3), optional:</source>
        <translation>Modèle de gar&amp;de (Llama Guard 3), facultatif&#xa0;:</translation>
    </message>
</context>
<context>
    <name>lectern::ui::StatusPanel</name>
    <message>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Reading pages</source>
        <translation>Lecture des pages</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>Lecture des fichiers</translation>
    </message>
    <message>
        <source>Reading the prompt</source>
        <translation>Lecture du prompt</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>Génération de la réponse</translation>
    </message>
    <message>
        <source>Summarizing parts</source>
        <translation>Résumé des parties</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>Fusion des résumés</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>Examen du code</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>Traduction en cours</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>Téléchargement du modèle</translation>
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
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>Budget de contexte</translation>
    </message>
    <message>
        <source>no documents</source>
        <translation>aucun document</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Memory this process holds (resident)</source>
        <translation>Mémoire occupée par ce processus (résidente)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
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
        <translation>Prompt système et documents&#xa0;: %1
Échanges précédents&#xa0;: %2
Réservé à la réponse&#xa0;: %3
Compté avec le tokeniseur du modèle.%4</translation>
    </message>
    <message>
        <source>
Some pages or files do not fit and are left out.</source>
        <translation>
Certaines pages ou certains fichiers ne tiennent pas et sont laissés de côté.</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>, encore environ %1 s</translation>
    </message>
    <message>
        <source>Answering: %1 tokens/s</source>
        <translation>Réponse&#xa0;: %1 tokens/s</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>Mémoire %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::TextView</name>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Files: click one to show it</source>
        <translation>Fichiers&#xa0;: cliquez sur un fichier pour l&apos;afficher</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ViewerToolbar</name>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>Page précédente (PageUp)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>Page suivante (PageDown)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>Numéro de page&#xa0;: saisissez-le et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom arrière (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Niveau de zoom</translation>
    </message>
    <message>
        <source>Zoom level (Ctrl+0: 100%)</source>
        <translation>Niveau de zoom (Ctrl+0&#xa0;: 100&#xa0;%)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Zoom avant (Ctrl+=)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Fit the page to the width of the view</source>
        <translation>Ajuster la page à la largeur de la vue</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> sur %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
</TS>
