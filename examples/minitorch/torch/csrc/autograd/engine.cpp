#include <ATen/core/Tensor.h>
#include <torch/all.h>
// The C++ core reaching into the Python frontend's folder: forbidden, and a
// higher layer too.
#include "torch/lib/libshm/libshm.h"

namespace torch::autograd {
void backward(const at::Tensor &root) {}
} // namespace torch::autograd
