#pragma once
// A device: CPU or CUDA, with an index.
#include <cstdint>
#include "c10/core/Stream.h"

namespace c10 {
struct Device {
  int8_t type;
  int8_t index;
  // Past its removal version: strata reports it until it is gone.
  C10_DEPRECATED_MESSAGE("Device::is_legacy() is deprecated since 2.0 and will be removed in 2.5")
  bool is_legacy() const;
};
} // namespace c10
