<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>lectern::ui::CodeView</name>
    <message>
        <source>File text</source>
        <translation>文件文本</translation>
    </message>
    <message>
        <source>Line numbers</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ConversationView</name>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source> (version %1 of %2)</source>
        <translation>（第 %1 版，共 %2 版）</translation>
    </message>
    <message>
        <source>Stopped: the answer is incomplete.</source>
        <translation>已停止：回答不完整。</translation>
    </message>
    <message>
        <source>Failed: the answer is incomplete.</source>
        <translation>失败：回答不完整。</translation>
    </message>
    <message>
        <source>Being written…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>*(no text)*</source>
        <translation>*（无文本）*</translation>
    </message>
    <message>
        <source>%1 tokens, %2 tokens/s</source>
        <translation>%1 个 token，%2 token/秒</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>What the model saw</source>
        <translation>模型看到的内容</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>(no such page)</source>
        <translation>（无此页）</translation>
    </message>
    <message>
        <source>(no such paragraph)</source>
        <translation>（无此段落）</translation>
    </message>
    <message>
        <source>(no such section)</source>
        <translation>（无此章节）</translation>
    </message>
    <message>
        <source>(no such line)</source>
        <translation>（无此行）</translation>
    </message>
    <message>
        <source>Guard: safe</source>
        <translation>守卫：安全</translation>
    </message>
    <message>
        <source>Guard: unsafe (%1)</source>
        <translation>守卫：不安全（%1）</translation>
    </message>
    <message>
        <source>Guard: its verdict could not be read</source>
        <translation>守卫：无法读取其判定</translation>
    </message>
</context>
<context>
    <name>lectern::ui::CoverageStrip</name>
    <message>
        <source>Coverage: pages or files in the context</source>
        <translation>覆盖范围：上下文中的页面或文件</translation>
    </message>
    <message>
        <source>%1: %2 tokens, %3</source>
        <translation>%1：%2 个 token，%3</translation>
    </message>
    <message>
        <source>in the context</source>
        <translation>在上下文中</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>未纳入</translation>
    </message>
</context>
<context>
    <name>lectern::ui::DocumentViewer</name>
    <message>
        <source>No document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <source>%1 has no text to show</source>
        <translation>%1 没有可显示的文本</translation>
    </message>
    <message>
        <source>Drop a PDF, a folder of code or a text file</source>
        <translation>将 PDF、代码文件夹或文本文件拖放到此处</translation>
    </message>
</context>
<context>
    <name>lectern::ui::FoundModels</name>
    <message>
        <source>Models on this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Search state</source>
        <translation>搜索状态</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Search a folder of yours for GGUF files and Hugging Face model folders</source>
        <translation>在您的某个文件夹中查找 GGUF 文件和 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>A folder with models</source>
        <translation>包含模型的文件夹</translation>
    </message>
    <message>
        <source>Searching the Hugging Face cache, Ollama, LM Studio, GPT4All and your folders…</source>
        <translation>正在搜索 Hugging Face 缓存、Ollama、LM Studio、GPT4All 和您的文件夹…</translation>
    </message>
    <message>
        <source>your folder</source>
        <translation>您的文件夹</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>fits (%1, %2 KV cache)</source>
        <translation>可容纳（%1，%2 KV 缓存）</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <source>No models found on this computer: get one, or add a folder.</source>
        <translation>本机上未找到模型：请获取一个模型，或添加文件夹。</translation>
    </message>
    <message>
        <source>%1 models found, %2 that Lectern can run.</source>
        <translation>找到 %1 个模型，其中 %2 个可由 Lectern 运行。</translation>
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
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Download a Llama 3 model from the Hugging Face Hub into its cache on this computer (shared with the Hub&apos;s own tools). Sizes are approximate.</source>
        <translation>从 Hugging Face Hub 下载 Llama 3 模型到本机的缓存中（与 Hub 自带的工具共用）。大小为近似值。</translation>
    </message>
    <message>
        <source>Suggested models</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>仓库(&amp;R)：</translation>
    </message>
    <message>
        <source>the GGUF file (empty: the repository&apos;s only one)</source>
        <translation>GGUF 文件（留空：使用仓库中唯一的文件）</translation>
    </message>
    <message>
        <source>File in the repository</source>
        <translation>仓库中的文件</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>S&amp;top download</source>
        <translation>停止下载(&amp;T)</translation>
    </message>
    <message>
        <source>Stop download</source>
        <translation>停止下载</translation>
    </message>
    <message>
        <source>Download status</source>
        <translation>下载状态</translation>
    </message>
    <message>
        <source>Download error</source>
        <translation>下载错误</translation>
    </message>
    <message>
        <source>Download &amp;anyway</source>
        <translation>仍然下载(&amp;A)</translation>
    </message>
    <message>
        <source>Download anyway</source>
        <translation>仍然下载</translation>
    </message>
    <message>
        <source>Download the model even though it does not fit here at this context (for a smaller context, or another computer)</source>
        <translation>即使在此上下文长度下本机容纳不下，仍下载该模型（用于更小的上下文或其他计算机）</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>fits here</source>
        <translation>本机可容纳</translation>
    </message>
    <message>
        <source>too large for this computer</source>
        <translation>对本机过大</translation>
    </message>
    <message>
        <source>Weights %1 + KV cache %2 (%3 tokens, %4); %5 free.</source>
        <translation>权重 %1 + KV 缓存 %2（%3 个 token，%4）；可用 %5。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Asking the Hub for %1…</source>
        <translation>正在向 Hub 查询 %1…</translation>
    </message>
    <message>
        <source>Downloaded %1: %2</source>
        <translation>已下载 %1：%2</translation>
    </message>
    <message>
        <source>Already here: %1</source>
        <translation>本机已有：%1</translation>
    </message>
    <message>
        <source>Stopped. What came is kept: the next download of this file continues from there.</source>
        <translation>已停止。已下载的部分会保留：下次下载此文件时将从中断处继续。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>, checking the file…</source>
        <translation>，正在校验文件…</translation>
    </message>
    <message>
        <source>, %1/s, about %2 left</source>
        <translation>，%1/秒，剩余约 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;This repository is gated.&lt;/b&gt; Accept its license on the Hugging Face Hub, then give Lectern an access token (HF_TOKEN, or &lt;tt&gt;huggingface-cli login&lt;/tt&gt;) and download again.</source>
        <translation>&lt;b&gt;此仓库需要授权访问。&lt;/b&gt;请先在 Hugging Face Hub 上接受其许可协议，然后为 Lectern 提供访问令牌（HF_TOKEN 或 &lt;tt&gt;huggingface-cli login&lt;/tt&gt;），再重新下载。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Too large for this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;对本机过大。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern cannot run this model&lt;/b&gt; (its header says so); choose a Llama 3 model.</source>
        <translation>&lt;b&gt;Lectern 无法运行此模型&lt;/b&gt;（其文件头表明如此）；请选择 Llama 3 模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not enough disk space&lt;/b&gt; for this model. Free some space, or choose a smaller file.</source>
        <translation>&lt;b&gt;磁盘空间不足&lt;/b&gt;，无法存放此模型。请释放一些空间，或选择较小的文件。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The download failed.&lt;/b&gt; Check the network connection; what came is kept, and the next download continues from there.</source>
        <translation>&lt;b&gt;下载失败。&lt;/b&gt;请检查网络连接；已下载的部分会保留，下次下载时将从中断处继续。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not found on the Hub.&lt;/b&gt; Check the repository&apos;s and the file&apos;s names.</source>
        <translation>&lt;b&gt;在 Hub 上未找到。&lt;/b&gt;请检查仓库名和文件名。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Name the file to download.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请指定要下载的文件。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The file that came is damaged&lt;/b&gt; (its checksum does not match); it was deleted. Try again.</source>
        <translation>&lt;b&gt;下载的文件已损坏&lt;/b&gt;（校验和不匹配），已将其删除。请重试。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be downloaded.&lt;/b&gt;</source>
        <translation>&lt;b&gt;无法下载该模型。&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>lectern::ui::LibraryPanel</name>
    <message>
        <source>Search messages and documents (Ctrl+F)</source>
        <translation>搜索消息和文档（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Documents of the session</source>
        <translation>本会话的文档</translation>
    </message>
    <message>
        <source>Page, file or section</source>
        <translation>页面、文件或章节</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>删除会话…</translation>
    </message>
    <message>
        <source>No sessions yet: drop a document on the window.</source>
        <translation>尚无会话：将文档拖放到窗口中即可开始。</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>未找到与“%1”相关的内容。</translation>
    </message>
    <message>
        <source>The document&apos;s text, counted with the model&apos;s tokenizer</source>
        <translation>文档文本，按模型的分词器计数</translation>
    </message>
    <message>
        <source>Unreliable text: %1</source>
        <translation>文本不可靠：%1</translation>
    </message>
    <message>
        <source>  (no text)</source>
        <translation>  （无文本）</translation>
    </message>
    <message>
        <source>This page has no text layer and was not recognized.</source>
        <translation>此页没有文本层，且未能识别。</translation>
    </message>
    <message>
        <source>  (1 table)</source>
        <translation>  （1 个表格）</translation>
    </message>
    <message>
        <source>  (%1 tables)</source>
        <translation>  （%1 个表格）</translation>
    </message>
    <message>
        <source>Tables on this page are given to the model as tables, row by row; cite one as [p. %1, table 1].</source>
        <translation>此页中的表格会以表格形式逐行提供给模型；引用时请写作 [p. %1, table 1]。</translation>
    </message>
    <message>
        <source>Left out: it does not fit the context</source>
        <translation>未纳入：上下文容纳不下</translation>
    </message>
    <message>
        <source>Documents: %1 tokens</source>
        <translation>文档（token 数：%1）</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>未统计</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Ask: %1</source>
        <translation>提问：%1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>审查：%1</translation>
    </message>
    <message>
        <source>Translation into %1: %2</source>
        <translation>翻译为%1：%2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::MainWindow</name>
    <message>
        <source>The file is damaged or not what it claims to be.</source>
        <translation>文件已损坏，或与其声称的格式不符。</translation>
    </message>
    <message>
        <source>Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.</source>
        <translation>Lectern 可运行 GGUF 文件或 Hugging Face 文件夹形式的 Llama 3（及 Llama 2）模型。</translation>
    </message>
    <message>
        <source>The GPU&apos;s memory does not suffice: choose a smaller context or the CPU.</source>
        <translation>GPU 显存不足：请选择更小的上下文或改用 CPU。</translation>
    </message>
    <message>
        <source>The disk is full: free some space. What was written before is kept.</source>
        <translation>磁盘已满：请释放一些空间。之前写入的内容已保留。</translation>
    </message>
    <message>
        <source>Check that the file or folder still exists.</source>
        <translation>请检查该文件或文件夹是否仍然存在。</translation>
    </message>
    <message>
        <source>Check that the file can be read (permissions, a removed disk).</source>
        <translation>请检查该文件是否可读（权限、磁盘是否已移除）。</translation>
    </message>
    <message>
        <source>Lectern&apos;s database could not be written; check the disk.</source>
        <translation>无法写入 Lectern 的数据库；请检查磁盘。</translation>
    </message>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>What does not fit</source>
        <translation>容纳不下的内容</translation>
    </message>
    <message>
        <source>Ask about the documents… (Ctrl+Enter to send)</source>
        <translation>就文档提问…（按 Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>发送问题（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running task (Esc)</source>
        <translation>停止正在运行的任务（Esc）</translation>
    </message>
    <message>
        <source>A task is running in this session: stop it before deleting the session.</source>
        <translation>此会话中有任务正在运行：请先停止该任务，再删除会话。</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>Delete this session and its messages?</source>
        <translation>删除此会话及其消息？</translation>
    </message>
    <message>
        <source>The session could not be deleted.</source>
        <translation>无法删除该会话。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open documents…</source>
        <translation>打开文档(&amp;O)…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.md *.markdown);;All files (*)</source>
        <translation>文档 (*.pdf *.txt *.md *.markdown);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a &amp;folder of code…</source>
        <translation>打开代码文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder of code</source>
        <translation>打开代码文件夹</translation>
    </message>
    <message>
        <source>Choose &amp;model…</source>
        <translation>选择模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>导出会话</translation>
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
        <translation>无法导出该会话。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Ask about the documents (Ctrl+L goes to the question box)</source>
        <translation>就文档提问（Ctrl+L 跳转到提问框）</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)</source>
        <translation>总结文档，放不下时分段处理（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Review folder…</source>
        <translation>审查文件夹…</translation>
    </message>
    <message>
        <source>Review a folder of code</source>
        <translation>审查代码文件夹</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>审查更改…</translation>
    </message>
    <message>
        <source>Review a git repository&apos;s uncommitted changes</source>
        <translation>审查 git 仓库中未提交的更改</translation>
    </message>
    <message>
        <source>Target language</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Translate the first document into the chosen language</source>
        <translation>将第一个文档翻译为所选语言</translation>
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
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>The model could not be loaded.</source>
        <translation>无法加载该模型。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The server&apos;s model could not be used.</source>
        <translation>无法使用服务器上的模型。</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>已停止读取。</translation>
    </message>
    <message>
        <source>The documents could not be read.</source>
        <translation>无法读取这些文档。</translation>
    </message>
    <message>
        <source>The session could not be stored.</source>
        <translation>无法保存该会话。</translation>
    </message>
    <message>
        <source>%1

%2 is encrypted. Enter its password:</source>
        <translation>%1

%2 已加密。请输入其密码：</translation>
    </message>
    <message>
        <source>The session could not be opened.</source>
        <translation>无法打开该会话。</translation>
    </message>
    <message>
        <source>The session could not be read.</source>
        <translation>无法读取该会话。</translation>
    </message>
    <message>
        <source>The sessions could not be listed.</source>
        <translation>无法列出会话。</translation>
    </message>
    <message>
        <source>The budget could not be counted: %1</source>
        <translation>无法计算上下文预算：%1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Summarize reads everything in %1 chunks (map-reduce).</source>
        <translation>“总结”会分 %1 块读取全部内容（map-reduce）。</translation>
    </message>
    <message>
        <source>Summarize reads everything, in parts (map-reduce).</source>
        <translation>“总结”会分段读取全部内容（map-reduce）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The documents do not fit the %1-token context.&lt;/b&gt; Ask will leave out %2 of %3 pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would hold more.</source>
        <translation>&lt;b&gt;文档超出了 %1 token 的上下文。&lt;/b&gt;“提问”将略去 %3 个页面或文件中的 %2 个（%4 个 token）：%5。%6 更大的上下文（文件 › 选择模型）可以容纳更多内容。</translation>
    </message>
    <message>
        <source>The task did not finish.</source>
        <translation>任务未完成。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopped: the partial answer is kept.</source>
        <translation>已停止：已保留部分回答。</translation>
    </message>
    <message>
        <source>%1 tokens at %2 tokens/s; %3 prompt tokens processed (%4)</source>
        <translation>%1 个 token，%2 token/秒；已处理 %3 个提示词 token（%4）</translation>
    </message>
    <message>
        <source>A task in another session has ended; it is in the library.</source>
        <translation>另一个会话中的任务已结束；可在资料库中查看。</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>未打开任何模型。</translation>
    </message>
    <message>
        <source>Summarize the documents.</source>
        <translation>总结这些文档。</translation>
    </message>
    <message>
        <source>Translate %1 into %2.</source>
        <translation>将 %1 翻译为 %2。</translation>
    </message>
    <message>
        <source>Review the uncommitted changes in %1.</source>
        <translation>审查 %1 中未提交的更改。</translation>
    </message>
    <message>
        <source>Review the code in %1.</source>
        <translation>审查 %1 中的代码。</translation>
    </message>
    <message>
        <source>Ask a question about %1.</source>
        <translation>请就 %1 提问。</translation>
    </message>
    <message>
        <source>%1 names no page, line, paragraph or section of these documents.</source>
        <translation>%1 并未指向这些文档中的任何页面、行、段落或章节。</translation>
    </message>
    <message>
        <source>%1 names no page or file of these documents.</source>
        <translation>%1 并未指向这些文档中的任何页面或文件。</translation>
    </message>
    <message>
        <source>The cited words were not found on %1.</source>
        <translation>在 %1 中未找到所引用的文字。</translation>
    </message>
    <message>
        <source>The prompt could not be rebuilt.</source>
        <translation>无法重建提示词。</translation>
    </message>
    <message>
        <source>Choose a smaller context, an 8-bit KV cache or a smaller model.</source>
        <translation>请选择更小的上下文、8 位 KV 缓存或更小的模型。</translation>
    </message>
    <message>
        <source>## Lectern reads whole documents

Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). Each document is counted with the model&apos;s own tokenizer; the meter below shows what the model&apos;s context will hold before anything runs.

Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.</source>
        <translation>## Lectern 读取完整文档

将 PDF、代码文件夹或文本文件拖放到窗口中（或使用 **文件 › 打开文档**，Ctrl+O）。每个文档都按模型自身的分词器计数；在运行任何任务之前，下方的计量条就会显示模型的上下文能容纳哪些内容。

然后即可提问（按 Ctrl+Enter 发送，按 Esc 停止回答），或进行总结、审查或翻译。</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Open a session to export it.</source>
        <translation>请先打开要导出的会话。</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>&amp;Export session</source>
        <translation>导出会话(&amp;E)</translation>
    </message>
    <message>
        <source>As &amp;Markdown…</source>
        <translation>Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>As &amp;web page (HTML)…</source>
        <translation>HTML 网页(&amp;W)…</translation>
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation>PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>As &amp;JSON…</source>
        <translation>JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Search sessions and documents</source>
        <translation>搜索会话和文档(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the &amp;question</source>
        <translation>转到提问框(&amp;Q)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next citation</source>
        <translation>下一处引用(&amp;N)</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>&amp;Previous citation</source>
        <translation>上一处引用(&amp;P)</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit the page to the width</source>
        <translation>使页面适应宽度(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>转到资料库(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;conversation</source>
        <translation>转到对话(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Go to the &amp;document</source>
        <translation>转到文档(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>关于 Lectern(&amp;A)</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>关于 Lectern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lectern&lt;/b&gt; reads whole documents with a Llama 3 model on this computer: it summarizes them, answers questions with citations, reviews code and translates. Documents never leave the computer unless a model on a server is chosen.</source>
        <translation>&lt;b&gt;Lectern&lt;/b&gt; 在本机上使用 Llama 3 模型读取完整文档：总结文档、回答问题并附上引用、审查代码以及翻译。除非选择了服务器上的模型，否则文档绝不会离开本机。</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>发送问题</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>停止正在运行的任务</translation>
    </message>
    <message>
        <source>%1 saved KV prefixes removed.</source>
        <translation>已删除 %1 个已保存的 KV 前缀。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>The model is loaded.</source>
        <translation>模型已加载。</translation>
    </message>
    <message>
        <source>1 document read.</source>
        <translation>已读取 1 个文档。</translation>
    </message>
    <message>
        <source>%1 documents read.</source>
        <translation>已读取 %1 个文档。</translation>
    </message>
    <message>
        <source>Done: the result is in the conversation.</source>
        <translation>完成：结果已在对话中。</translation>
    </message>
    <message>
        <source>The guard model could not be loaded.</source>
        <translation>无法加载守卫模型。</translation>
    </message>
    <message>
        <source>The guard model is loaded: questions and answers are screened.</source>
        <translation>守卫模型已加载：问题和回答都会被审查。</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ModelDialog</name>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>&amp;Model on this computer</source>
        <translation>本机上的模型(&amp;M)</translation>
    </message>
    <message>
        <source>Lectern runs a Llama 3 model on this computer. Choose a GGUF file or a Hugging Face folder (config.json, *.safetensors, tokenizer.json).</source>
        <translation>Lectern 在本机上运行 Llama 3 模型。请选择 GGUF 文件或 Hugging Face 文件夹（config.json、*.safetensors、tokenizer.json）。</translation>
    </message>
    <message>
        <source>Model path</source>
        <translation>模型路径</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Automatic (the model&apos;s own, as much as fits)</source>
        <translation>自动（采用模型自身的长度，以容纳得下为限）</translation>
    </message>
    <message>
        <source>%1K tokens</source>
        <translation>%1K token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>上下文(&amp;C)：</translation>
    </message>
    <message>
        <source>Automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>自动（16 位，放不下时用 8 位）</translation>
    </message>
    <message>
        <source>16-bit (half the memory)</source>
        <translation>16 位（内存减半）</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 位</translation>
    </message>
    <message>
        <source>8-bit (a quarter of the memory, for 128K)</source>
        <translation>8 位（内存减至四分之一，适用于 128K）</translation>
    </message>
    <message>
        <source>&amp;KV cache:</source>
        <translation>KV 缓存(&amp;K)：</translation>
    </message>
    <message>
        <source>Automatic (GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>后端(&amp;B)：</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Get a model</source>
        <translation>获取模型(&amp;G)</translation>
    </message>
    <message>
        <source>Download a model from the Hugging Face Hub</source>
        <translation>从 Hugging Face Hub 下载模型</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Hugging Face model folder</source>
        <translation>Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Model on a &amp;server</source>
        <translation>服务器上的模型(&amp;S)</translation>
    </message>
    <message>
        <source>vLLM, llama.cpp&apos;s server, Ollama or lectern-cli serve</source>
        <translation>vLLM、llama.cpp 服务器、Ollama 或 lectern-cli serve</translation>
    </message>
    <message>
        <source>For models too large for this computer (Llama 3.1 70B, 405B): an OpenAI-compatible server runs the model; the documents, the packing and the sessions stay here. The same model&apos;s tokenizer is needed here, so documents are counted exactly.</source>
        <translation>适用于本机容纳不下的大模型（Llama 3.1 70B、405B）：由兼容 OpenAI 的服务器运行模型；文档、打包和会话都保留在本机。本机需要同一模型的分词器，以便精确统计文档的 token 数。</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>服务器 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>its only model</source>
        <translation>服务器上唯一的模型</translation>
    </message>
    <message>
        <source>Server model</source>
        <translation>服务器模型</translation>
    </message>
    <message>
        <source>Server&apos;s m&amp;odel:</source>
        <translation>服务器上的模型(&amp;O)：</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>none, or $OPENAI_API_KEY</source>
        <translation>无，或 $OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API 密钥文件</translation>
    </message>
    <message>
        <source>A file whose first line is the server&apos;s key; the key itself is never stored</source>
        <translation>第一行为服务器密钥的文件；密钥本身绝不会被保存</translation>
    </message>
    <message>
        <source>API &amp;key file:</source>
        <translation>API 密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>the model&apos;s GGUF file, Hugging Face folder or tokenizer.json</source>
        <translation>模型的 GGUF 文件、Hugging Face 文件夹或 tokenizer.json</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>&amp;Tokenizer:</source>
        <translation>分词器(&amp;T)：</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, starting with http:// or https://.</source>
        <translation>请填写服务器的基础 URL，以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Give the model&apos;s tokenizer on this computer.</source>
        <translation>请指定本机上该模型的分词器。</translation>
    </message>
    <message>
        <source>Load connects, reads the server&apos;s context and checks the tokenizer against the server&apos;s.</source>
        <translation>“加载”会连接服务器、读取服务器的上下文长度，并将分词器与服务器的分词器进行核对。</translation>
    </message>
    <message>
        <source>No model chosen.</source>
        <translation>未选择模型。</translation>
    </message>
    <message>
        <source>&lt;b&gt;This model cannot be used:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法使用此模型：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2 tokens, %3 KV cache: weights %4 + KV cache %5 + working memory %6 = &lt;b&gt;%7&lt;/b&gt;; %8 free.</source>
        <translation>%1&lt;br&gt;%2 个 token，%3 KV 缓存：权重 %4 + KV 缓存 %5 + 工作内存 %6 = &lt;b&gt;%7&lt;/b&gt;；可用 %8。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;The model was trained for %1 tokens:&lt;/b&gt; choose a smaller context.</source>
        <translation>&lt;br&gt;&lt;b&gt;该模型的训练长度为 %1 个 token：&lt;/b&gt;请选择更小的上下文。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;It does not fit:&lt;/b&gt; %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;放不下：&lt;/b&gt;%1。</translation>
    </message>
    <message>
        <source>&lt;br&gt;Automatic: %1.</source>
        <translation>&lt;br&gt;自动：%1。</translation>
    </message>
    <message>
        <source>&lt;br&gt;It would not fit in RAM (%1); on the GPU it may.</source>
        <translation>&lt;br&gt;内存（RAM）中放不下（%1）；在 GPU 上或许可以。</translation>
    </message>
    <message>
        <source>&lt;br&gt;GPU memory is checked when the model loads.</source>
        <translation>&lt;br&gt;GPU 显存会在加载模型时检查。</translation>
    </message>
    <message>
        <source>Where the model is</source>
        <translation>模型所在位置</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageCanvas</name>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PageList</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Pages: click one to show it</source>
        <translation>页面：点击某页即可显示</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfRenderService</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be found</source>
        <translation>找不到 %1</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied</source>
        <translation>无法读取 %1：权限被拒绝</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it is damaged or not a PDF)</source>
        <translation>%1 不是可读的 PDF（已损坏或并非 PDF）</translation>
    </message>
    <message>
        <source>%1 is locked: enter its password</source>
        <translation>%1 已加密：请输入其密码</translation>
    </message>
    <message>
        <source>%1 is locked and that password is wrong: enter its password</source>
        <translation>%1 已加密，且密码错误：请输入其密码</translation>
    </message>
    <message>
        <source>%1 is not a readable PDF (it has no pages)</source>
        <translation>%1 不是可读的 PDF（没有任何页面）</translation>
    </message>
    <message>
        <source>there is no page %1</source>
        <translation>不存在第 %1 页</translation>
    </message>
    <message>
        <source>page %1 is damaged</source>
        <translation>第 %1 页已损坏</translation>
    </message>
    <message>
        <source>page %1 could not be drawn</source>
        <translation>无法绘制第 %1 页</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PdfView</name>
    <message>
        <source>Page view</source>
        <translation>页面视图</translation>
    </message>
    <message>
        <source>PageUp / PageDown: previous / next page</source>
        <translation>PageUp / PageDown：上一页 / 下一页</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>正在渲染第 %1 页…</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>无法显示第 %1 页：%2</translation>
    </message>
</context>
<context>
    <name>lectern::ui::PromptDialog</name>
    <message>
        <source>What the model saw</source>
        <translation>模型看到的内容</translation>
    </message>
    <message>
        <source>Earlier answers are shown as stored text; encoded again, an answer can take a few tokens more or fewer than the ones the model sampled.</source>
        <translation>之前的回答以存储的文本显示；重新编码后，一个回答所占的 token 可能比模型当初采样的略多或略少。</translation>
    </message>
    <message>
        <source>The prompt of this answer: %1 tokens. %2 of %3 pages or files were in the context%4.</source>
        <translation>此回答的提示词：%1 个 token。%3 个页面或文件中有 %2 个在上下文中%4。</translation>
    </message>
    <message>
        <source>; %1 were left out (hatched)</source>
        <translation>；%1 个未纳入（以斜线标出）</translation>
    </message>
    <message>
        <source>Prompt text</source>
        <translation>提示词文本</translation>
    </message>
</context>
<context>
    <name>lectern::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>回答(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Prompts</source>
        <translation>提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>存储(&amp;S)</translation>
    </message>
    <message>
        <source>Puts every setting back to its default; nothing is saved until OK</source>
        <translation>将所有设置恢复为默认值；点击“确定”后才会保存</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>The system&apos;s (light or dark)</source>
        <translation>跟随系统（浅色或深色）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The window changes language at once; the open session stays as it is.</source>
        <translation>窗口会立即切换语言；已打开的会话保持不变。</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>模型设置</translation>
    </message>
    <message>
        <source>&amp;Choose model…</source>
        <translation>选择模型(&amp;C)…</translation>
    </message>
    <message>
        <source>The model file or server, its context size, KV cache and backend</source>
        <translation>模型文件或服务器、上下文大小、KV 缓存和后端</translation>
    </message>
    <message>
        <source>&amp;Use these values for every task</source>
        <translation>所有任务均使用这些值(&amp;U)</translation>
    </message>
    <message>
        <source>Off: Ask samples at temperature 0.6 and top-p 0.9, Summarize at 0.3 and 0.9, Review and Translate take the most likely word</source>
        <translation>关闭时：“提问”以温度 0.6、top-p 0.9 采样，“总结”以 0.3 和 0.9 采样，“审查”和“翻译”取最可能的词</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>0: always the most likely word; higher: more varied answers</source>
        <translation>0：总是取最可能的词；值越高，回答越多样</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>温度(&amp;T)：</translation>
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
        <translation>关闭</translation>
    </message>
    <message>
        <source>Top-&amp;k:</source>
        <translation>Top-k(&amp;K)：</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>M&amp;in-p:</source>
        <translation>Min-p(&amp;I)：</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>&amp;Repetition penalty:</source>
        <translation>重复惩罚(&amp;R)：</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>new for every answer</source>
        <translation>每个回答使用新种子</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>Answer length</source>
        <translation>回答长度</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <source>The longest answer, and the room kept for it in the context</source>
        <translation>回答的最大长度，也是在上下文中为其预留的空间</translation>
    </message>
    <message>
        <source>Answer &amp;length:</source>
        <translation>回答长度(&amp;L)：</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>提示词模板</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Reset to the &amp;shipped text</source>
        <translation>恢复为内置文本(&amp;S)</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>模板文本</translation>
    </message>
    <message>
        <source>Placeholders in double braces, such as {{documents}}, are filled in by the task</source>
        <translation>双花括号中的占位符（如 {{documents}}）由任务填入</translation>
    </message>
    <message>
        <source>Template state</source>
        <translation>模板状态</translation>
    </message>
    <message>
        <source>The shipped text.</source>
        <translation>内置文本。</translation>
    </message>
    <message>
        <source>Edited: the tasks use this text.</source>
        <translation>已编辑：任务将使用此文本。</translation>
    </message>
    <message>
        <source>Data and cache folders</source>
        <translation>数据和缓存文件夹</translation>
    </message>
    <message>
        <source>&amp;Clear saved KV prefixes</source>
        <translation>清除已保存的 KV 前缀(&amp;C)</translation>
    </message>
    <message>
        <source>Follow-up questions on a document read before start from its saved prefix; without it the document is read again</source>
        <translation>对之前读过的文档继续提问时，会从其已保存的前缀开始；没有前缀时，需要重新读取该文档</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model on a server:&lt;/b&gt; %1 %2&lt;br&gt;Tokenizer: %3</source>
        <translation>&lt;b&gt;服务器上的模型：&lt;/b&gt;%1 %2&lt;br&gt;分词器：%3</translation>
    </message>
    <message>
        <source>No model chosen yet.</source>
        <translation>尚未选择模型。</translation>
    </message>
    <message>
        <source>automatic (the model&apos;s own, as much as fits)</source>
        <translation>自动（采用模型自身的长度，以容纳得下为限）</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 token</translation>
    </message>
    <message>
        <source>automatic (16-bit, or 8-bit when that does not fit)</source>
        <translation>自动（16 位，放不下时用 8 位）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>automatic (GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Context:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;KV cache:&lt;/b&gt; %3&lt;br&gt;&lt;b&gt;Backend:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;模型：&lt;/b&gt;%1&lt;br&gt;&lt;b&gt;上下文：&lt;/b&gt;%2&lt;br&gt;&lt;b&gt;KV 缓存：&lt;/b&gt;%3&lt;br&gt;&lt;b&gt;后端：&lt;/b&gt;%4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sessions and documents:&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;会话和文档：&lt;/b&gt;%1（%2）</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Saved KV prefixes:&lt;/b&gt; %1 (%2 in %3 files)</source>
        <translation>&lt;br&gt;&lt;b&gt;已保存的 KV 前缀：&lt;/b&gt;%1（%3 个文件，共 %2）</translation>
    </message>
    <message>
        <source>Appeara&amp;nce:</source>
        <translation>外观(&amp;N)：</translation>
    </message>
    <message>
        <source>T&amp;op-p:</source>
        <translation>Top-p(&amp;O)：</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>OCR 语言</translation>
    </message>
    <message>
        <source>None checked: each scanned page is read in the language of its script</source>
        <translation>未勾选任何语言：每个扫描页按其文字系统对应的语言识别</translation>
    </message>
    <message>
        <source>Languages Tesseract reads scanned pages in; none checked: chosen for each page from its script</source>
        <translation>Tesseract 识别扫描页所用的语言；未勾选：按每页的文字系统自动选择</translation>
    </message>
    <message>
        <source>Not installed (Debian package tesseract-ocr-%1)</source>
        <translation>未安装（Debian 软件包 tesseract-ocr-%1）</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>OCR 语言(&amp;O)：</translation>
    </message>
    <message>
        <source>Guard model</source>
        <translation>守卫模型</translation>
    </message>
    <message>
        <source>none: questions and answers are not screened</source>
        <translation>无：问题和回答不经审查</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>An unsafe question is not answered; an unsafe answer is marked in the conversation, not hidden. The guard runs beside the model and needs its own memory.</source>
        <translation>不安全的问题不予回答；不安全的回答会在对话中标出，而不是隐藏。守卫与模型并行运行，需要自己的内存。</translation>
    </message>
    <message>
        <source>Guar&amp;d model (Llama Guard 3), optional:</source>
        <translation>守卫模型（Llama Guard 3，可选）(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>lectern::ui::StatusPanel</name>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Reading pages</source>
        <translation>正在读取页面</translation>
    </message>
    <message>
        <source>Reading files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Reading the prompt</source>
        <translation>正在读取提示词</translation>
    </message>
    <message>
        <source>Answering</source>
        <translation>正在回答</translation>
    </message>
    <message>
        <source>Summarizing parts</source>
        <translation>正在分段总结</translation>
    </message>
    <message>
        <source>Combining summaries</source>
        <translation>正在合并摘要</translation>
    </message>
    <message>
        <source>Reviewing</source>
        <translation>正在审查</translation>
    </message>
    <message>
        <source>Translating</source>
        <translation>正在翻译</translation>
    </message>
    <message>
        <source>Downloading the model</source>
        <translation>正在下载模型</translation>
    </message>
    <message>
        <source>32-bit</source>
        <translation>32 位</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 位</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8 位</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>上下文预算</translation>
    </message>
    <message>
        <source>no documents</source>
        <translation>无文档</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory this process holds (resident)</source>
        <translation>此进程占用的内存（常驻）</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 token</translation>
    </message>
    <message>
        <source>System prompt and documents: %1
Earlier turns: %2
Reserved for the answer: %3
Counted with the model&apos;s tokenizer.%4</source>
        <translation>系统提示词和文档：%1
之前的对话轮次：%2
为回答预留：%3
按模型的分词器计数。%4</translation>
    </message>
    <message>
        <source>
Some pages or files do not fit and are left out.</source>
        <translation>
部分页面或文件放不下，已略去。</translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation>，剩余约 %1 秒</translation>
    </message>
    <message>
        <source>Answering: %1 tokens/s</source>
        <translation>正在回答：%1 token/秒</translation>
    </message>
    <message>
        <source>Memory %1</source>
        <translation>内存 %1</translation>
    </message>
</context>
<context>
    <name>lectern::ui::TextView</name>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Files: click one to show it</source>
        <translation>文件：点击某个文件即可显示</translation>
    </message>
</context>
<context>
    <name>lectern::ui::ViewerToolbar</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page (PageUp)</source>
        <translation>上一页（PageUp）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page (PageDown)</source>
        <translation>下一页（PageDown）</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>页码：输入页码后按 Enter</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Document title</source>
        <translation>文档标题</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>缩放比例</translation>
    </message>
    <message>
        <source>Zoom level (Ctrl+0: 100%)</source>
        <translation>缩放比例（Ctrl+0：100%）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适应宽度</translation>
    </message>
    <message>
        <source>Fit the page to the width of the view</source>
        <translation>使页面适应视图宽度</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> 页，共 %1 页</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
</TS>
