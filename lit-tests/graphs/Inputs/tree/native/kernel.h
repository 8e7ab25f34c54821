#pragma once
#include "native/ops.h"
