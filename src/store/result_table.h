#pragma once
// ResultTable: the backend-neutral result of a store query, a list of named
// columns and rows of optional text cells. The CLI renders it as a table,
// JSON, JSONL or CSV (cli/table_format.h) without knowing any SQL.
#include <optional>
#include <string>
#include <vector>

namespace claimtrace::store {

enum class CellType : unsigned char { kText, kInteger, kReal, kBool };

struct Column {
  std::string name;
  CellType type = CellType::kText;
};

struct ResultTable {
  std::vector<Column> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt = NULL
};

}  // namespace claimtrace::store
