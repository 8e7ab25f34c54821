void initNNFunctions(PyObject* module) {
  static struct PyModuleDef def = {
      PyModuleDef_HEAD_INIT,
      "torch._C._nn",
      NULL,
      -1,
      nn_functions};
  PyObject* nn = PyModule_Create(&def);
  PyModule_AddObject(module, "_nn", nn);
}
