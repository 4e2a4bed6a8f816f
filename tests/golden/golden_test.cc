// Placeholder so that tests/CMakeLists.txt configures on the `hedging` branch;
// the real golden_test.cc lands on another branch.
#include <gtest/gtest.h>

TEST(Placeholder, GoldenTestNotOnThisBranch) {
  SUCCEED();
}
