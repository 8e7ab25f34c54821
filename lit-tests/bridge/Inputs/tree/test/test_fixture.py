# A test fixture: C++ source held in a Python string defines nothing.
CPP_SOURCE = """
TORCH_LIBRARY(fixtureops, m) { m.def("x(Tensor a) -> Tensor"); }
void f() { py::module::import("torch._jit_internal"); }
"""
