#pragma once
#include <string>
#ifdef _WIN32
#include <windows.h>
#endif

namespace c10 {
void log(const std::string &message);
} // namespace c10
