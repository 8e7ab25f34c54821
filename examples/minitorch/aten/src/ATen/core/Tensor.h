#pragma once
#include <c10/core/Device.h>
#include <c10/util/Logging.h>

namespace at {
class Tensor {
public:
  c10::Device device() const;
};
} // namespace at
