PyObject* THPAutograd_initExtension(PyObject* _unused, PyObject* unused) {
  auto _C_m = py::handle(torch_C_module).cast<py::module>();
  auto m = _C_m.def_submodule("_autograd", "autograd bindings");
  return Py_True;
}
