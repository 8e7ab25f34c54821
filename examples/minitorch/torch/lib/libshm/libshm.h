#pragma once
// Shared-memory manager used by the Python frontend's data loaders.
void libshm_init(const char *manager_executable_path);
