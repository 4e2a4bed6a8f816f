// Tests for extract/attribution.cc: quotes, cues, sources, contents, chains.
#include <gtest/gtest.h>
