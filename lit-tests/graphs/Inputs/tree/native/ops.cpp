#include "native/ops.h"
#include <vector>
