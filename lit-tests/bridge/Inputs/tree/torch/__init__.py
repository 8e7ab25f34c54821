import torch._C
from torch._C import _add_docstr
