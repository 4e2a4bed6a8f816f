// Tests for extract/hedging.cc: hedge, booster and negation cues and
// sentence uncertainty.
#include <gtest/gtest.h>
