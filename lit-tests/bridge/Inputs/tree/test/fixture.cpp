// C++ source in a raw string literal defines nothing either.
const char* kSource = R"(
TORCH_LIBRARY(rawops, m) { m.def("x(Tensor a) -> Tensor"); }
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "torch._C._raw"};
PyObject* m = PyModule_Create(&def);
)";
