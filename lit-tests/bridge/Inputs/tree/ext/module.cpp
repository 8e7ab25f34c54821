PYBIND11_MODULE(plainext, m) {}
PyMODINIT_FUNC PyInit_stubbed(void) { return initModule(); }
PyMODINIT_FUNC PyInit_declared(void);
