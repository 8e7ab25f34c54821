#pragma once
// Streams need devices, and devices were taught about streams: an include cycle.
#include "c10/core/Device.h"

namespace c10 {
struct Stream {
  Device device;
  int64_t id;
};
} // namespace c10
