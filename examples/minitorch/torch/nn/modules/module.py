from collections import OrderedDict
from typing import TYPE_CHECKING

# Module needs Parameter at import time, and Parameter needs Module: a cycle.
from torch.nn.parameter import Parameter

if TYPE_CHECKING:
    from torch.optim.sgd import SGD


class Module:
    def __init__(self):
        self._parameters = OrderedDict()

    def register_parameter(self, name, param: Parameter):
        self._parameters[name] = param

    def to_optimizer(self) -> "SGD":
        from torch.optim import sgd  # function scope: runs late, makes no cycle

        return sgd.SGD(self._parameters.values())
