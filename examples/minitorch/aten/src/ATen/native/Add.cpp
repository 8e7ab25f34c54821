#include <ATen/core/Tensor.h>
#include <ATen/native/cuda/Loops.cuh>

namespace at::native {
Tensor add(const Tensor &self, const Tensor &other) { return self; }
} // namespace at::native
