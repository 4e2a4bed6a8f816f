#pragma once
// Renders a store ResultTable as a terminal table, JSON, JSONL or CSV.
#include <string>

#include "store/result_table.h"

namespace claimtrace::cli {

// Appends `t` to `out` in `format` (table | json | jsonl | csv). Tables are
// fitted to `width` columns: the widest columns are shortened (ending in
// "…") until the rows fit; line breaks inside cells become spaces.
void format_table(const store::ResultTable& t, const std::string& format, size_t width,
                  std::string& out);

// Width of the terminal on stdout, or $COLUMNS, or 120.
size_t terminal_width();

// The format to use when the user gave none: table on a terminal, else jsonl.
std::string default_format(const std::string& given);

}  // namespace claimtrace::cli
