#pragma once
// A device: CPU or CUDA, with an index.
#include <cstdint>
#include "c10/core/Stream.h"

namespace c10 {
struct Device {
  int8_t type;
  int8_t index;
};
} // namespace c10
