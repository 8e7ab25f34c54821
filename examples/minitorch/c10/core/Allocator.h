#pragma once
#include <cstddef>
#include <c10/core/Device.h>
// c10 is the bottom layer: reaching up into ATen breaks the layering.
#include <ATen/core/Tensor.h>

namespace c10 {
struct Allocator {
  virtual void *allocate(std::size_t bytes) = 0;
  virtual ~Allocator() = default;
};
} // namespace c10
