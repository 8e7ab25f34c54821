#pragma once
#include "native/kernel.h"
