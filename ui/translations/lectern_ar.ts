<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar_EG">
<context>
    <name>lectern::ui::CodeView</name>
    <message>
        <source>File text</source>
        <translation>نص الملف</translation>
    </message>
    <message>
        <source>Line numbers</source>
        <translation>أرقام الأسطر</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ConversationView</name>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source> (version %1 of %2)</source>
        <translation> (النسخة %1 من %2)</translation>
    </message>
    <message>
        <source>Stopped: the answer is incomplete.</source>
        <translation>تم الإيقاف: الإجابة غير مكتملة.</translation>
    </message>
    <message>
        <source>Failed: the answer is incomplete.</source>
        <translation>فشل: الإجابة غير مكتملة.</translation>
    </message>
    <message>
        <source>Being written…</source>
        <translation>قيد الكتابة…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>*(no text)*</source>
        <translation>*(بلا نص)*</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s</source>
        <translation>%1 رمز، %2 رمز/ث</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>What the model saw</source>
        <translation>ما رآه النموذج</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>إعادة التوليد</translation>
    </message>
    <message>
        <source>(no such page)</source>
        <translation>(لا توجد صفحة كهذه)</translation>
    </message>
    <message>
        <source>(no such paragraph)</source>
        <translation>(لا توجد فقرة كهذه)</translation>
    </message>
    <message>
        <source>(no such section)</source>
        <translation>(لا يوجد قسم كهذا)</translation>
    </message>
    <message>
        <source>(no such line)</source>
        <translation>(لا يوجد سطر كهذا)</translation>
    </message>
    <message>
        <source>Guard: safe</source>
        <translation>الحارس: آمن</translation>
    </message>
    <message>
        <source>Guard: unsafe (%1)</source>
        <translation>الحارس: غير آمن (%1)</translation>
    </message>
    <message>
        <source>Guard: its verdict could not be read</source>
        <translation>الحارس: تعذّرت قراءة حكمه</translation>
    </message>
</context>
<context>
    <name>lectern::ui::CoverageStrip</name>
    <message>
        <source>Coverage: pages or files in the context</source>
        <translation>التغطية: الصفحات أو الملفات الموجودة في السياق</translation>
    </message>
    <message>
        <source>%1: %2 tokens, %3</source>
        <translation>%1: %2 رمز، %3</translation>
    </message>
    <message>
        <source>in the context</source>
        <translation>ضمن السياق</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>خارج السياق</translation>
    </message>
</context>
<context>
    <name>lectern::ui::DocumentViewer</name>
    <message>
        <source>No document</source>
        <translation>لا يوجد مستند</translation>
    </message>
    <message>
        <source>%1 has no text to show</source>
        <translation>لا يحتوي %1 على نص لعرضه</translation>
    </message>
    <message>
        <source>Drop a PDF, a folder of code or a text file</source>
        <translation>أفلِت هنا ملف PDF أو مجلد شيفرة برمجية أو ملفًا نصيًا</translation>
    </message>
</context>
<context>
    <name>lectern::ui::FoundModels</name>
    <message>
        <source>Models on this computer</source>
        <translation>النماذج على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>From</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>هنا</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>حالة البحث</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>إضافة مجلد (&amp;A)…</translation>
    </message>
    <message>
        <source>Search a folder of yours for GGUF files and Hugging Face model folders</source>
        <translation>البحث في أحد مجلداتك عن ملفات GGUF ومجلدات نماذج Hugging Face</translation>
    </message>
    <message>
        <source>A folder with models</source>
        <translation>مجلد يحتوي على نماذج</translation>
    </message>
    <message>
        <source>Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…</source>
        <translation>جارٍ البحث في مجلد التخزين المؤقت لـ Hugging Face وفي Ollama وLM Studio وGPT4All ومجلداتك…</translation>
    </message>
    <message>
        <source>your folder</source>
        <translation>مجلدك</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>لا يمكن تشغيله: %1</translation>
    </message>
    <message>
        <source>fits (%1, %2 KV cache)</source>
        <translation>يتسع (%1، ذاكرة KV مؤقتة بدقة %2)</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>كبير جدًا</translation>
    </message>
    <message>
        <source>No models found on this computer: get one, or add a folder.</source>
        <translation>لم يُعثر على نماذج على هذا الحاسوب: احصل على نموذج أو أضف مجلدًا.</translation>
    </message>
    <message>
        <source>%1 models found, %2 that Lectern can run.</source>
        <translation>النماذج التي عُثر عليها: %1، منها %2 يستطيع Lectern تشغيلها.</translation>
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
        <translation>%1 ث</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>Download a Llama 3 model from the Hugging Face Hub into its cache on this computer (shared with the Hub&apos;s own tools). Sizes are approximate.</source>
        <translation>نزِّل نموذج Llama 3 من منصة Hugging Face Hub إلى مجلد التخزين المؤقت الخاص بها على هذا الحاسوب (وهو مشترك مع أدوات المنصة نفسها). الأحجام تقريبية.</translation>
    </message>
    <message>
        <source>Suggested models</source>
        <translation>نماذج مقترحة</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>المستودع</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>المستودع (&amp;R):</translation>
    </message>
    <message>
        <source>the GGUF file (empty: the repository&apos;s only one)</source>
        <translation>ملف GGUF (فارغ: الملف الوحيد في المستودع)</translation>
    </message>
    <message>
        <source>File in the repository</source>
        <translation>الملف في المستودع</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>الملف (&amp;I):</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>تقدّم التنزيل</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>تنزيل (&amp;D)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>تنزيل</translation>
    </message>
    <message>
        <source>S&amp;top download</source>
        <translation>إيقاف التنزيل (&amp;T)</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>إيقاف التنزيل</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>حالة التنزيل</translation>
    </message>
    <message>
        <source>Download error</source>
        <translation>خطأ في التنزيل</translation>
    </message>
    <message>
        <source>Download &amp;anyway</source>
        <translation>تنزيل رغم ذلك (&amp;A)</translation>
    </message>
    <message>
        <source>Download anyway</source>
        <translation>تنزيل رغم ذلك</translation>
    </message>
    <message>
        <source>Download the model even though it does not fit here at this context (for a smaller context, or another computer)</source>
        <translation>نزِّل النموذج مع أنه لا يتسع هنا بهذا السياق (لاستخدامه بسياق أصغر أو على حاسوب آخر)</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>نحو %1</translation>
    </message>
    <message>
        <source>fits here</source>
        <translation>يتسع هنا</translation>
    </message>
    <message>
        <source>too large for this computer</source>
        <translation>كبير جدًا لهذا الحاسوب</translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.</source>
        <translation>الأوزان %1 + ذاكرة KV المؤقتة %2 (%3 رمز، %4)؛ المتاح %5.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Asking the Hub for %1…</source>
        <translation>جارٍ الاستعلام من المنصة عن %1…</translation>
    </message>
    <message>
        <source>Downloaded %1: %2</source>
        <translation>تم تنزيل %1: %2</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>موجود مسبقًا: %1</translation>
    </message>
    <message>
        <source>Stopped. What came is kept: the next download of this file continues from there.</source>
        <translation>أُوقف التنزيل. ما نُزِّل محفوظ: سيُستأنف التنزيل التالي لهذا الملف من حيث توقف.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>, checking the file…</source>
        <translation>، جارٍ التحقق من الملف…</translation>
    </message>
    <message>
        <source>, %1/s, about %2 left</source>
        <translation>، %1/ث، يتبقى نحو %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;This repository is gated.&lt;/b&gt; Accept its license on the Hugging Face Hub, then give Lectern an access token (HF_TOKEN, or &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) and download again.</source>
        <translation>&lt;b&gt;هذا المستودع مقيَّد الوصول.&lt;/b&gt; اقبل ترخيصه على منصة Hugging Face Hub، ثم زوِّد Lectern برمز وصول (HF_TOKEN، أو &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) وأعد التنزيل.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too large for this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;كبير جدًا لهذا الحاسوب.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern cannot run this model&lt;/b&gt; (its header says so); choose a Llama 3 model.</source>
        <translation>&lt;b&gt;لا يستطيع Lectern تشغيل هذا النموذج&lt;/b&gt; (بحسب ترويسة ملفه)؛ اختر نموذج Llama 3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough disk space&lt;/b&gt; for this model. Free some space, or choose a smaller file.</source>
        <translation>&lt;b&gt;لا توجد مساحة كافية على القرص&lt;/b&gt; لهذا النموذج. حرِّر بعض المساحة أو اختر ملفًا أصغر.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The download failed.&lt;/b&gt; Check the network connection; what came is kept, and the next download continues from there.</source>
        <translation>&lt;b&gt;فشل التنزيل.&lt;/b&gt; تحقق من الاتصال بالشبكة؛ ما نُزِّل محفوظ، وسيُستأنف التنزيل التالي من حيث توقف.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not found on the Hub.&lt;/b&gt; Check the repository&apos;s and the file&apos;s names.</source>
        <translation>&lt;b&gt;غير موجود على المنصة.&lt;/b&gt; تحقق من اسمَي المستودع والملف.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name the file to download.&lt;/b&gt;</source>
        <translation>&lt;b&gt;حدِّد اسم الملف المراد تنزيله.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file that came is damaged&lt;/b&gt; (its checksum does not match); it was deleted. Try again.</source>
        <translation>&lt;b&gt;الملف المنزَّل تالف&lt;/b&gt; (مجموعه الاختباري غير مطابق)؛ وقد حُذف. أعد المحاولة.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be downloaded.&lt;/b&gt;</source>
        <translation>&lt;b&gt;تعذّر تنزيل النموذج.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>lectern::ui::LibraryPanel</name>
    <message>
        <source>Search messages and documents (Ctrl+F)</source>
        <translation>البحث في الرسائل والمستندات (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>الجلسات</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Documents of the session</source>
        <translation>مستندات الجلسة</translation>
    </message>
    <message>
        <source>Page, file or section</source>
        <translation>الصفحة أو الملف أو القسم</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>حذف الجلسة…</translation>
    </message>
    <message>
        <source>No sessions yet: drop a document on the window.</source>
        <translation>لا توجد جلسات بعد: أفلِت مستندًا على النافذة.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>لم يُعثر على نتائج لـ «%1».</translation>
    </message>
    <message>
        <source>The document&apos;s text, counted with the model&apos;s tokenizer</source>
        <translation>نص المستند، محسوبًا بمُرمِّز النموذج</translation>
    </message>
    <message>
        <source>Unreliable text: %1</source>
        <translation>نص غير موثوق: %1</translation>
    </message>
    <message>
        <source>  (no text)</source>
        <translation>  (بلا نص)</translation>
    </message>
    <message>
        <source>This page has no text layer and was not recognized.</source>
        <translation>لا تحتوي هذه الصفحة على طبقة نصية، ولم يُتعرَّف على نصها.</translation>
    </message>
    <message>
        <source>  (1 table)</source>
        <translation>  (جدول واحد)</translation>
    </message>
    <message>
        <source>  (%1 tables)</source>
        <translation>  (الجداول: %1)</translation>
    </message>
    <message>
        <source>Tables on this page are given to the model as tables, row by row; cite one as [p. %1, table 1].</source>
        <translation>تُقدَّم الجداول في هذه الصفحة إلى النموذج بصيغة جداول، صفًا صفًا؛ وللاستشهاد بأحدها اكتب [p. %1, table 1].</translation>
    </message>
    <message>
        <source>Left out: it does not fit the context</source>
        <translation>خارج السياق: لا يتسع فيه</translation>
    </message>
    <message>
        <source>Documents: %1 tokens</source>
        <translation>رموز المستندات: %1</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>غير محسوبة</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>الصفحة %1</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>أسئلة: %1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>ملخص: %1</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>مراجعة: %1</translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>ترجمة إلى %1: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::MainWindow</name>
    <message>
        <source>The file is damaged or not what it claims to be.</source>
        <translation>الملف تالف أو ليس من النوع الذي يبدو عليه.</translation>
    </message>
    <message>
        <source>Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.</source>
        <translation>يشغّل Lectern نماذج Llama 3 (وLlama 2) بصيغة ملفات GGUF أو مجلدات Hugging Face.</translation>
    </message>
    <message>
        <source>The GPU&apos;s memory does not suffice: choose a smaller context or the CPU.</source>
        <translation>ذاكرة GPU لا تكفي: اختر سياقًا أصغر أو التشغيل على CPU.</translation>
    </message>
    <message>
        <source>The disk is full: free some space. What was written before is kept.</source>
        <translation>القرص ممتلئ: حرِّر بعض المساحة. ما كُتب سابقًا محفوظ.</translation>
    </message>
    <message>
        <source>Check that the file or folder still exists.</source>
        <translation>تحقق من أن الملف أو المجلد لا يزال موجودًا.</translation>
    </message>
    <message>
        <source>Check that the file can be read (permissions, a removed disk).</source>
        <translation>تحقق من إمكانية قراءة الملف (الأذونات، أو قرص أُزيل).</translation>
    </message>
    <message>
        <source>Lectern&apos;s database could not be written; check the disk.</source>
        <translation>تعذّرت الكتابة في قاعدة بيانات Lectern؛ تحقق من القرص.</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>What does not fit</source>
        <translation>ما لا يتسع</translation>
    </message>
    <message>
        <source>Ask about the documents… (Ctrl+Enter to send)</source>
        <translation>اسأل عن المستندات… (Ctrl+Enter للإرسال)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>اسأل</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>إرسال السؤال (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop the running task (Esc)</source>
        <translation>إيقاف المهمة الجارية (Esc)</translation>
    </message>
    <message>
        <source>A task is running in this session: stop it before deleting the session.</source>
        <translation>تجري مهمة في هذه الجلسة: أوقفها قبل حذف الجلسة.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>حذف الجلسة</translation>
    </message>
    <message>
        <source>Delete this session and its messages?</source>
        <translation>هل تريد حذف هذه الجلسة ورسائلها؟</translation>
    </message>
    <message>
        <source>The session could not be deleted.</source>
        <translation>تعذّر حذف الجلسة.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open documents…</source>
        <translation>فتح مستندات (&amp;O)…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>فتح مستندات</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown);;All files (*)</source>
        <translation>المستندات (*.pdf *.txt *.md *.markdown);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open a &amp;folder of code…</source>
        <translation>فتح مجلد شيفرة برمجية (&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder of code</source>
        <translation>فتح مجلد شيفرة برمجية</translation>
    </message>
    <message>
        <source>Choose &amp;model…</source>
        <translation>اختيار النموذج (&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>تصدير الجلسة</translation>
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
        <translation>تعذّر تصدير الجلسة.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء (&amp;Q)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>المهام</translation>
    </message>
    <message>
        <source>Ask about the documents (Ctrl+L goes to the question box)</source>
        <translation>اسأل عن المستندات (Ctrl+L ينقلك إلى خانة السؤال)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>تلخيص</translation>
    </message>
    <message>
        <source>Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)</source>
        <translation>لخّص المستندات، على أجزاء إن لم تتسع في السياق (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Review folder…</source>
        <translation>مراجعة مجلد…</translation>
    </message>
    <message>
        <source>Review a folder of code</source>
        <translation>مراجعة مجلد شيفرة برمجية</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>مراجعة التغييرات…</translation>
    </message>
    <message>
        <source>Review a git repository&apos;s uncommitted changes</source>
        <translation>مراجعة التغييرات غير المودَعة في مستودع git</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>اللغة الهدف</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>ترجمة</translation>
    </message>
    <message>
        <source>Translate the first document into the chosen language</source>
        <translation>ترجمة المستند الأول إلى اللغة المختارة</translation>
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
        <translation>جارٍ تحميل %1…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>تعذّر تحميل النموذج.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>جارٍ الاتصال بـ %1…</translation>
    </message>
    <message>
        <source>The server&apos;s model could not be used.</source>
        <translation>تعذّر استخدام نموذج الخادم.</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>أُوقفت القراءة.</translation>
    </message>
    <message>
        <source>The documents could not be read.</source>
        <translation>تعذّرت قراءة المستندات.</translation>
    </message>
    <message>
        <source>The session could not be stored.</source>
        <translation>تعذّر حفظ الجلسة.</translation>
    </message>
    <message>
        <source>%1

%2 is encrypted. Enter its password:</source>
        <translation>%1

%2 مشفَّر. أدخل كلمة مروره:</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>تعذّر فتح الجلسة.</translation>
    </message>
    <message>
        <source>The session could not be read.</source>
        <translation>تعذّرت قراءة الجلسة.</translation>
    </message>
    <message>
        <source>The sessions could not be listed.</source>
        <translation>تعذّر عرض قائمة الجلسات.</translation>
    </message>
    <message>
        <source>The budget could not be counted: %1</source>
        <translation>تعذّر حساب ميزانية السياق: %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Summarize reads everything in %1 chunks (map-reduce).</source>
        <translation>يقرأ التلخيص كل شيء على أجزاء عددها %1 (يلخّص كل جزء ثم يدمج الملخصات).</translation>
    </message>
    <message>
        <source>Summarize reads everything, in parts (map-reduce).</source>
        <translation>يقرأ التلخيص كل شيء على أجزاء (يلخّص كل جزء ثم يدمج الملخصات).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The documents do not fit the %1-token context.&lt;/b&gt; Ask will leave out %2 of %3 pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would hold more.</source>
        <translation>&lt;b&gt;لا تتسع المستندات في سياق سعته %1 رمز.&lt;/b&gt; سيستبعد السؤال %2 من أصل %3 من الصفحات أو الملفات (%4 رمز): %5. %6 يتسع سياق أكبر (ملف › اختيار النموذج) لمزيد منها.</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>لم تكتمل المهمة.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>تم الإيقاف.</translation>
    </message>
    <message>
        <source>Stopped: the partial answer is kept.</source>
        <translation>تم الإيقاف: الإجابة الجزئية محفوظة.</translation>
    </message>
    <message>
        <source>%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)</source>
        <translation>%1 رمز بمعدل %2 رمز/ث؛ عولج %3 رمز من الموجّه (%4)</translation>
    </message>
    <message>
        <source>A task in another session has ended; it is in the library.</source>
        <translation>انتهت مهمة في جلسة أخرى؛ ونتيجتها في المكتبة.</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>لا يوجد نموذج مفتوح.</translation>
    </message>
    <message>
        <source>Summarize the documents.</source>
        <translation>لخّص المستندات.</translation>
    </message>
    <message>
        <source>Translate %1 into %2.</source>
        <translation>ترجم %1 إلى %2.</translation>
    </message>
    <message>
        <source>Review the uncommitted changes in %1.</source>
        <translation>راجِع التغييرات غير المودَعة في %1.</translation>
    </message>
    <message>
        <source>Review the code in %1.</source>
        <translation>راجِع الشيفرة البرمجية في %1.</translation>
    </message>
    <message>
        <source>Ask a question about %1.</source>
        <translation>اطرح سؤالًا عن %1.</translation>
    </message>
    <message>
        <source>%1 names no page, line, paragraph or section of these documents.</source>
        <translation>لا يشير %1 إلى أي صفحة أو سطر أو فقرة أو قسم في هذه المستندات.</translation>
    </message>
    <message>
        <source>%1 names no page or file of these documents.</source>
        <translation>لا يشير %1 إلى أي صفحة أو ملف في هذه المستندات.</translation>
    </message>
    <message>
        <source>The cited words were not found on %1.</source>
        <translation>لم يُعثر على الكلمات المقتبسة في %1.</translation>
    </message>
    <message>
        <source>The prompt could not be rebuilt.</source>
        <translation>تعذّرت إعادة بناء الموجّه.</translation>
    </message>
    <message>
        <source>Choose a smaller context, an 8-bit KV cache or a smaller model.</source>
        <translation>اختر سياقًا أصغر، أو ذاكرة KV مؤقتة بدقة 8 بت، أو نموذجًا أصغر.</translation>
    </message>
    <message>
        <source>## Lectern reads whole documents

Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). Each document is counted with the model&apos;s own tokenizer; the meter below shows what the model&apos;s context will hold before anything runs.

Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.</source>
        <translation>## يقرأ Lectern المستندات كاملةً

أفلِت ملف PDF أو مجلد شيفرة برمجية أو ملفًا نصيًا على النافذة (أو **ملف › فتح مستندات**، Ctrl+O). تُحسب رموز كل مستند بمُرمِّز النموذج نفسه؛ ويبيّن المؤشر أدناه ما سيتسع له سياق النموذج قبل تشغيل أي شيء.

ثم اطرح سؤالًا (Ctrl+Enter يرسله، وEsc يوقف الإجابة)، أو لخّص المستندات أو راجِعها أو ترجمها.</translation>
    </message>
    <message>
        <source>German</source>
        <translation>الألمانية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>الإسبانية</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>الصينية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>الروسية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>الإيطالية</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>اليابانية</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>البرتغالية</translation>
    </message>
    <message>
        <source>Open a session to export it.</source>
        <translation>افتح جلسة لتصديرها.</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>صفحة ويب (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>تم التصدير إلى %1.</translation>
    </message>
    <message>
        <source>&amp;Export session</source>
        <translation>تصدير الجلسة (&amp;E)</translation>
    </message>
    <message>
        <source>As &amp;Markdown…</source>
        <translation>بصيغة Markdown (&amp;M)…</translation>
    </message>
    <message>
        <source>As &amp;web page (HTML)…</source>
        <translation>بصيغة صفحة ويب HTML (&amp;W)…</translation>
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation>بصيغة PDF (&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>بصيغة JSON (&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Search sessions and documents</source>
        <translation>البحث في الجلسات والمستندات (&amp;S)</translation>
    </message>
    <message>
        <source>Go to the &amp;question</source>
        <translation>الانتقال إلى السؤال (&amp;Q)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>الإعدادات (&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next citation</source>
        <translation>الاستشهاد التالي (&amp;N)</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>&amp;Previous citation</source>
        <translation>الاستشهاد السابق (&amp;P)</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>تكبير (&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>تصغير (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit the page to the width</source>
        <translation>ملاءمة الصفحة للعرض (&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>الانتقال إلى المكتبة (&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;conversation</source>
        <translation>الانتقال إلى المحادثة (&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Go to the &amp;document</source>
        <translation>الانتقال إلى المستند (&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح (&amp;K)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>حول Lectern (&amp;A)</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>حول Lectern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern&lt;/b&gt; reads whole documents with a Llama 3 model on this computer: it summarizes them, answers questions with citations, reviews code and translates. Documents never leave the computer unless a model on a server is chosen.</source>
        <translation>&lt;b&gt;Lectern&lt;/b&gt; يقرأ المستندات كاملةً بنموذج Llama 3 على هذا الحاسوب: يلخّصها، ويجيب عن الأسئلة مع الإحالة إلى مواضعها، ويراجع الشيفرة البرمجية، ويترجم. ولا تغادر المستندات الحاسوب أبدًا ما لم يُختر نموذج على خادم.</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>إرسال السؤال</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>إيقاف المهمة الجارية</translation>
    </message>
    <message>
        <source>%1 saved KV prefixes removed.</source>
        <translation>عدد بادئات KV المحفوظة التي أُزيلت: %1.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <source>The model is loaded.</source>
        <translation>تم تحميل النموذج.</translation>
    </message>
    <message>
        <source>1 document read.</source>
        <translation>تمت قراءة مستند واحد.</translation>
    </message>
    <message>
        <source>%1 documents read.</source>
        <translation>عدد المستندات المقروءة: %1.</translation>
    </message>
    <message>
        <source>Done: the result is in the conversation.</source>
        <translation>اكتمل: النتيجة في المحادثة.</translation>
    </message>
    <message>
        <source>The guard model could not be loaded.</source>
        <translation>تعذّر تحميل نموذج الحارس.</translation>
    </message>
    <message>
        <source>The guard model is loaded: questions and answers are screened.</source>
        <translation>تم تحميل نموذج الحارس: تُفحص الأسئلة والإجابات.</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelDialog</name>
    <message>
        <source>Choose a model</source>
        <translation>اختيار نموذج</translation>
    </message>
    <message>
        <source>&amp;Model on this computer</source>
        <translation>نموذج على هذا الحاسوب (&amp;M)</translation>
    </message>
    <message>
        <source>Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a Hugging Face folder (config.json, *.safetensors, tokenizer.json).</source>
        <translation>يشغّل Lectern نموذج Llama 3 على هذا الحاسوب. اختر ملف GGUF أو مجلد Hugging Face (config.json، *.safetensors، tokenizer.json).</translation>
    </message>
    <message>
        <source>Model path</source>
        <translation>مسار النموذج</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ملف…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>مجلد…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>النموذج:</translation>
    </message>
    <message>
        <source>Automatic (the model&apos;s own, as much as fits)</source>
        <translation>تلقائي (سياق النموذج نفسه، بقدر ما يتسع)</translation>
    </message>
    <message>
        <source>%1K tokens</source>
        <translation>%1K رمز</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 رمز</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>السياق (&amp;C):</translation>
    </message>
    <message>
        <source>Automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>تلقائي (16 بت، أو 8 بت إن لم يتسع)</translation>
    </message>
    <message>
        <source>16-bit (half the memory)</source>
        <translation>16 بت (نصف الذاكرة)</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 بت</translation>
    </message>
    <message>
        <source>8-bit (a quarter of the memory, for 128K)</source>
        <translation>8 بت (ربع الذاكرة، لسياق 128K)</translation>
    </message>
    <message>
        <source>&amp;KV cache:</source>
        <translation>ذاكرة KV المؤقتة (&amp;K):</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>تلقائي (GPU إن وُجد)</translation>
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
        <translation>المعالج (&amp;B):</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>الذاكرة المطلوبة</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>تحميل (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Get a model</source>
        <translation>الحصول على نموذج (&amp;G)</translation>
    </message>
    <message>
        <source>Download a model from the Hugging Face Hub</source>
        <translation>تنزيل نموذج من منصة Hugging Face Hub</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>ملف النموذج</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>نماذج GGUF (*.gguf);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>مجلد نموذج Hugging Face</translation>
    </message>
    <message>
        <source>Model on a &amp;server</source>
        <translation>نموذج على خادم (&amp;S)</translation>
    </message>
    <message>
        <source>vLLM, llama.cpp&apos;s server, Ollama or lectern-cli serve</source>
        <translation>vLLM، أو خادم llama.cpp، أو Ollama، أو lectern-cli serve</translation>
    </message>
    <message>
        <source>For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible server runs the model; the documents, the packing and the sessions stay here. The same model&apos;s tokenizer is needed here, so documents are counted exactly.</source>
        <translation>للنماذج الأكبر من قدرة هذا الحاسوب (Llama 3.1 70B و405B): يشغّل خادمٌ متوافق مع OpenAI النموذجَ، بينما تبقى هنا المستندات وترتيبها في السياق والجلسات. ويلزم هنا مُرمِّز النموذج نفسه، كي تُحسب رموز المستندات بدقة.</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>عنوان URL للخادم</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>عنوان URL للخادم (&amp;U):</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>نموذجه الوحيد</translation>
    </message>
    <message>
        <source>Server model</source>
        <translation>نموذج الخادم</translation>
    </message>
    <message>
        <source>Server&apos;s m&amp;odel:</source>
        <translation>نموذج الخادم (&amp;O):</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>اختيار ملف</translation>
    </message>
    <message>
        <source>none, or $OPENAI_API_KEY</source>
        <translation>لا شيء، أو $OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>ملف مفتاح API</translation>
    </message>
    <message>
        <source>A file whose first line is the server&apos;s key; the key itself is never stored</source>
        <translation>ملف يحتوي سطره الأول على مفتاح الخادم؛ ولا يُحفظ المفتاح نفسه أبدًا</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>ملف مفتاح API (&amp;K):</translation>
    </message>
    <message>
        <source>the model&apos;s GGUF file, Hugging Face folder or tokenizer.json</source>
        <translation>ملف GGUF للنموذج، أو مجلد Hugging Face، أو tokenizer.json</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>المُرمِّز</translation>
    </message>
    <message>
        <source>&amp;Tokenizer:</source>
        <translation>المُرمِّز (&amp;T):</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, starting with http:// or https://.</source>
        <translation>أدخل عنوان URL الأساسي للخادم، بدءًا بـ http:// أو https://.</translation>
    </message>
    <message>
        <source>Give the model&apos;s tokenizer on this computer.</source>
        <translation>حدِّد مُرمِّز النموذج على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Load connects, reads the server&apos;s context and checks the tokenizer against the server&apos;s.</source>
        <translation>يتصل زر «تحميل» بالخادم، ويقرأ سياقه، ويطابق المُرمِّز مع مُرمِّز الخادم.</translation>
    </message>
    <message>
        <source>No model chosen.</source>
        <translation>لم يُختر أي نموذج.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This model cannot be used:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;لا يمكن استخدام هذا النموذج:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = &lt;b&gt;%7&lt;/b&gt;; %8 free.</source>
        <translation>%1&lt;br&gt;%2 رمز، ذاكرة KV مؤقتة بدقة %3: الأوزان %4 + ذاكرة KV المؤقتة %5 + ذاكرة العمل %6 = &lt;b&gt;%7&lt;/b&gt;؛ المتاح %8.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The model was trained for %1 tokens:&lt;/b&gt; choose a smaller context.</source>
        <translation>&lt;br&gt;&lt;b&gt;دُرِّب النموذج على سياق من %1 رمز:&lt;/b&gt; اختر سياقًا أصغر.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;It does not fit:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;لا يتسع:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Automatic: %1.</source>
        <translation>&lt;br&gt;تلقائي: %1.</translation>
    </message>
    <message>
        <source>&lt;br&gt;It would not fit in RAM (%1); on the GPU it may.</source>
        <translation>&lt;br&gt;لن يتسع في ذاكرة الوصول العشوائي (%1)؛ وقد يتسع في ذاكرة GPU.</translation>
    </message>
    <message>
        <source>&lt;br&gt;GPU memory is checked when the model loads.</source>
        <translation>&lt;br&gt;تُفحص ذاكرة GPU عند تحميل النموذج.</translation>
    </message>
    <message>
        <source>Where the model is</source>
        <translation>مكان النموذج</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageCanvas</name>
    <message>
        <source>Page</source>
        <translation>الصفحة</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageList</name>
    <message>
        <source>Pages</source>
        <translation>الصفحات</translation>
    </message>
    <message>
        <source>Pages: click one to show it</source>
        <translation>الصفحات: انقر صفحة لعرضها</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>الصفحة %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfRenderService</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>تعذّر فتح %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be found</source>
        <translation>تعذّر العثور على %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>تتعذّر قراءة %1: الإذن مرفوض</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it is damaged or not a PDF)</source>
        <translation>%1 ليس ملف PDF قابلًا للقراءة (فهو تالف أو ليس ملف PDF)</translation>
    </message>
    <message>
        <source>%1 is locked: enter its password</source>
        <translation>%1 مقفل: أدخل كلمة مروره</translation>
    </message>
    <message>
        <source>%1 is locked and that password is wrong: enter its password</source>
        <translation>%1 مقفل وكلمة المرور المُدخلة خاطئة: أدخل كلمة مروره</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it has no pages)</source>
        <translation>%1 ليس ملف PDF قابلًا للقراءة (لا يحتوي على صفحات)</translation>
    </message>
    <message>
        <source>there is no page %1</source>
        <translation>لا توجد صفحة %1</translation>
    </message>
    <message>
        <source>page %1 is damaged</source>
        <translation>الصفحة %1 تالفة</translation>
    </message>
    <message>
        <source>page %1 could not be drawn</source>
        <translation>تعذّر رسم الصفحة %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfView</name>
    <message>
        <source>Page view</source>
        <translation>عرض الصفحة</translation>
    </message>
    <message>
        <source>PageUp / PageDown: previous / next page</source>
        <translation>PageUp / PageDown: الصفحة السابقة / التالية</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>جارٍ رسم الصفحة %1…</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>تعذّر عرض الصفحة %1: %2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PromptDialog</name>
    <message>
        <source>What the model saw</source>
        <translation>ما رآه النموذج</translation>
    </message>
    <message>
        <source>Earlier answers are shown as stored text; encoded again, an answer can take a few tokens more or fewer than the ones the model sampled.</source>
        <translation>تُعرض الإجابات السابقة كنص محفوظ؛ وعند ترميزها من جديد قد تشغل الإجابة رموزًا أكثر أو أقل قليلًا مما ولّده النموذج.</translation>
    </message>
    <message>
        <source>The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.</source>
        <translation>موجّه هذه الإجابة: %1 رمز. كان %2 من أصل %3 من الصفحات أو الملفات ضمن السياق%4.</translation>
    </message>
    <message>
        <source>; %1 were left out (hatched)</source>
        <translation>؛ واستُبعد %1 (المظلّلة بخطوط)</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>نص الموجّه</translation>
    </message>
</context>
<context>
    <name>lectern::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>صفحات الإعدادات</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>عام (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>النموذج (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>الإجابات (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation>الموجّهات (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>التخزين (&amp;S)</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; nothing is saved until OK</source>
        <translation>يعيد كل إعداد إلى قيمته الافتراضية؛ ولا يُحفظ شيء قبل الضغط على «موافق»</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>لغة النظام (%1)</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>لغة الواجهة (&amp;L):</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>The system&apos;s (light or dark)</source>
        <translation>مظهر النظام (فاتح أو داكن)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>The window changes language at once; the open session stays as it is.</source>
        <translation>تتغير لغة النافذة فورًا؛ وتبقى الجلسة المفتوحة كما هي.</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>إعدادات النموذج</translation>
    </message>
    <message>
        <source>&amp;Choose model…</source>
        <translation>اختيار النموذج (&amp;C)…</translation>
    </message>
    <message>
        <source>The model file or server, its context size, KV cache and backend</source>
        <translation>ملف النموذج أو خادمه، وحجم سياقه، وذاكرة KV المؤقتة، والمعالج</translation>
    </message>
    <message>
        <source>&amp;Use these values for every task</source>
        <translation>استخدام هذه القيم لكل المهام (&amp;U)</translation>
    </message>
    <message>
        <source>Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and 0.9, Review and Translate take the most likely word</source>
        <translation>عند إلغاء التحديد: يأخذ السؤال عيّناته بدرجة حرارة 0.6 وقيمة top-p تساوي 0.9، والتلخيص بقيمتي 0.3 و0.9، بينما تختار المراجعة والترجمة الكلمة الأرجح</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>درجة الحرارة</translation>
    </message>
    <message>
        <source>0: always the most likely word; higher: more varied answers</source>
        <translation>0: الكلمة الأرجح دائمًا؛ قيمة أعلى: إجابات أكثر تنوعًا</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>درجة الحرارة (&amp;T):</translation>
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
        <translation>معطّل</translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation>Top-k (&amp;K):</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>M&amp;in-p:</source>
        <translation>Min-p (&amp;I):</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>عقوبة التكرار</translation>
    </message>
    <message>
        <source>&amp;Repetition penalty:</source>
        <translation>عقوبة التكرار (&amp;R):</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>new for every answer</source>
        <translation>جديدة لكل إجابة</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>البذرة (&amp;E):</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>طول الإجابة</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> رمز</translation>
    </message>
    <message>
        <source>The longest answer, and the room kept for it in the context</source>
        <translation>أقصى طول للإجابة، والمساحة المحجوزة لها في السياق</translation>
    </message>
    <message>
        <source>Answer &amp;length:</source>
        <translation>طول الإجابة (&amp;L):</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>قالب الموجّه</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>القالب (&amp;T):</translation>
    </message>
    <message>
        <source>Reset to the &amp;shipped text</source>
        <translation>استعادة النص الأصلي (&amp;S)</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>نص القالب</translation>
    </message>
    <message>
        <source>Placeholders in double braces, such as {{documents}}, are filled in by the task</source>
        <translation>تملأ المهمةُ العناصرَ النائبة الموضوعة بين قوسين معقوصين مزدوجين، مثل {{documents}}</translation>
    </message>
    <message>
        <source>Template state</source>
        <translation>حالة القالب</translation>
    </message>
    <message>
        <source>The shipped text.</source>
        <translation>النص الأصلي.</translation>
    </message>
    <message>
        <source>Edited: the tasks use this text.</source>
        <translation>معدَّل: تستخدم المهام هذا النص.</translation>
    </message>
    <message>
        <source>Data and cache folders</source>
        <translation>مجلدات البيانات والتخزين المؤقت</translation>
    </message>
    <message>
        <source>&amp;Clear saved KV prefixes</source>
        <translation>مسح بادئات KV المحفوظة (&amp;C)</translation>
    </message>
    <message>
        <source>Follow-up questions on a document read before start from its saved prefix; without it the document is read again</source>
        <translation>تبدأ أسئلة المتابعة عن مستند قُرئ من قبل من بادئته المحفوظة؛ ومن دونها يُقرأ المستند من جديد</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model on a server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</source>
        <translation>&lt;b&gt;نموذج على خادم:&lt;/b&gt; %1 %2&lt;br&gt;المُرمِّز: %3</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>لم يُختر أي نموذج بعد.</translation>
    </message>
    <message>
        <source>automatic (the model&apos;s own, as much as fits)</source>
        <translation>تلقائي (سياق النموذج نفسه، بقدر ما يتسع)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 رمز</translation>
    </message>
    <message>
        <source>automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>تلقائي (16 بت، أو 8 بت إن لم يتسع)</translation>
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
        <translation>تلقائي (GPU إن وُجد)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Context:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;النموذج:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;السياق:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;ذاكرة KV المؤقتة:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;المعالج:&lt;/b&gt; %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions and documents:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;الجلسات والمستندات:&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Saved KV prefixes:&lt;/b&gt; %1 (%2 in %3 files)</source>
        <translation>&lt;br&gt;&lt;b&gt;بادئات KV المحفوظة:&lt;/b&gt; %1 (%2 في ملفات عددها %3)</translation>
    </message>
    <message>
        <source>Appeara&amp;nce:</source>
        <translation>المظهر (&amp;N):</translation>
    </message>
    <message>
        <source>T&amp;op-p:</source>
        <translation>Top-p (&amp;O):</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>لغات التعرّف الضوئي (OCR)</translation>
    </message>
    <message>
        <source>None checked: each scanned page is read in the language of its script</source>
        <translation>إن لم تُحدَّد أي لغة: تُقرأ كل صفحة ممسوحة بلغة خطّها</translation>
    </message>
    <message>
        <source>Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script</source>
        <translation>اللغات التي يقرأ بها Tesseract الصفحات الممسوحة؛ إن لم تُحدَّد أي لغة: تُختار لكل صفحة حسب خطّها</translation>
    </message>
    <message>
        <source>Not installed (Debian package tesseract-ocr-%1)</source>
        <translation>غير مثبّتة (حزمة دبيان tesseract-ocr-%1)</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>لغات OCR (&amp;O):</translation>
    </message>
    <message>
        <source>Guard model</source>
        <translation>نموذج الحارس</translation>
    </message>
    <message>
        <source>none: questions and answers are not screened</source>
        <translation>لا شيء: لا تُفحص الأسئلة والإجابات</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>ملف…</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>نماذج GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>An unsafe question is not answered; an unsafe answer is marked in the conversation, not hidden. The guard runs beside the model and needs its own memory.</source>
        <translation>لا يُجاب عن السؤال غير الآمن؛ وتُعلَّم الإجابة غير الآمنة في المحادثة ولا تُخفى. يعمل الحارس بجانب النموذج ويحتاج إلى ذاكرته الخاصة.</translation>
    </message>
    <message>
        <source>Guar&amp;d model (Llama Guard 3), optional:</source>
        <translation>نموذج الحارس (Llama Guard 3)، اختياري (&amp;D):</translation>
    </message>
</context>
<context>
    <name>lectern::ui::StatusPanel</name>
    <message>
        <source>Loading the model</source>
        <translation>جارٍ تحميل النموذج</translation>
    </message>
    <message>
        <source>Reading pages</source>
        <translation>جارٍ قراءة الصفحات</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>جارٍ قراءة الملفات</translation>
    </message>
    <message>
        <source>Reading the prompt</source>
        <translation>جارٍ قراءة الموجّه</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>جارٍ الإجابة</translation>
    </message>
    <message>
        <source>Summarizing parts</source>
        <translation>جارٍ تلخيص الأجزاء</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>جارٍ دمج الملخصات</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>جارٍ المراجعة</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>جارٍ الترجمة</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>جارٍ تنزيل النموذج</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 بت</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 بت</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8 بت</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>ميزانية السياق</translation>
    </message>
    <message>
        <source>no documents</source>
        <translation>لا مستندات</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>النشاط</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>الذاكرة</translation>
    </message>
    <message>
        <source>Memory this process holds (resident)</source>
        <translation>الذاكرة التي تشغلها هذه العملية (المقيمة)</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>لا نموذج</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 رمز</translation>
    </message>
    <message>
        <source>System prompt and documents: %1
Earlier turns: %2
Reserved for the answer: %3
Counted with the model&apos;s tokenizer.%4</source>
        <translation>موجّه النظام والمستندات: %1
جولات المحادثة السابقة: %2
المحجوز للإجابة: %3
محسوبة بمُرمِّز النموذج.%4</translation>
    </message>
    <message>
        <source>
Some pages or files do not fit and are left out.</source>
        <translation>
بعض الصفحات أو الملفات لا تتسع فاستُبعدت.</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>، يتبقى نحو %1 ث</translation>
    </message>
    <message>
        <source>Answering: %1 tokens/s</source>
        <translation>جارٍ الإجابة: %1 رمز/ث</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>الذاكرة %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::TextView</name>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Files: click one to show it</source>
        <translation>الملفات: انقر ملفًا لعرضه</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ViewerToolbar</name>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>الصفحة السابقة (PageUp)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>الصفحة التالية (PageDown)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>رقم الصفحة</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>رقم الصفحة: اكتب رقمًا واضغط Enter</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>صفحة </translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>عنوان المستند</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>تصغير (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>مستوى التكبير</translation>
    </message>
    <message>
        <source>Zoom level (Ctrl+0: 100%)</source>
        <translation>مستوى التكبير (Ctrl+0: 100%)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>تكبير (Ctrl+=)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>ملاءمة العرض</translation>
    </message>
    <message>
        <source>Fit the page to the width of the view</source>
        <translation>ملاءمة الصفحة لعرض منطقة العرض</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> من %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1٪</translation>
    </message>
</context>
</TS>
