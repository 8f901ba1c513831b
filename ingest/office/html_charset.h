// The encoding of an HTML page: a byte order mark first, then UTF-8 when the bytes are valid
// UTF-8, then the charset the page declares (<meta charset="windows-1251"> or <meta
// http-equiv="Content-Type" content="text/html; charset=koi8-r">, looked for as browsers
// do, in the first bytes before any text), and only then a guess from the bytes
// (decode_text). Labels are read as the WHATWG Encoding Standard maps them: "iso-8859-1" and
// "us-ascii" are windows-1252, "gb2312" and "gbk" are GB18030.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lectern/ingest/text_file.h"

namespace lectern::ingest::office {

// The charset label a page declares in its first 4 KiB, lowercased and trimmed; empty when
// it declares none.
std::string declared_charset(std::string_view html);

// The page's bytes as UTF-8 (see above). A declared charset that cannot decode the bytes is
// passed over for the guess, with a note in `warnings`.
Result<DecodedText> decode_html(std::string_view bytes, std::vector<std::string>& warnings);

}  // namespace lectern::ingest::office
