#include <Python.h>
// static struct PyModuleDef fake = {PyModuleDef_HEAD_INIT, "torch._C_in_a_comment"};
static struct PyModuleDef torchmodule = {PyModuleDef_HEAD_INIT, "torch._C", nullptr, -1, methods};
static struct PyModuleDef unused = {PyModuleDef_HEAD_INIT, "torch._C_never_created", nullptr, -1};

PyObject* initModule() {
  PyObject* module = PyModule_Create(&torchmodule);
  return module;
}
