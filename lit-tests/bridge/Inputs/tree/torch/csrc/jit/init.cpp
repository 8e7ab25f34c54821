void initJITBindings(PyObject* module) {
  auto m = py::handle(module).cast<py::module>();
  auto jit = m.def_submodule("_jit");
  auto inner = jit.def_submodule("inner");
  py::module::import("torch._jit_internal").attr("_qualified_name");
  const char* computed = "torch.computed";
  PyImport_ImportModule(computed);
  std::string text = "torch.nn.functional";
#if 0
  py::module::import("torch.never_compiled");
#endif
}

TORCH_LIBRARY(myops, m) {
  m.def("scale(Tensor x) -> Tensor");
  m.def(TORCH_SELECTIVE_SCHEMA("myops::shift.out(Tensor x) -> Tensor"));
}

TORCH_LIBRARY_IMPL(myops, CPU, m) {
  m.impl("scale", scale_cpu);
}
