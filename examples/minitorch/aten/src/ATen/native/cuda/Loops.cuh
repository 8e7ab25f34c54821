#pragma once
#include <ATen/core/Tensor.h>

template <typename F>
__global__ void elementwise_kernel(int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) f(i);
}
