// A header for the config tests to walk; it includes nothing.
#pragma once
inline int c10_answer() {
  return 42;
}
