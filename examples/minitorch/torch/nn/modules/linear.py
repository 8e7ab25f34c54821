import math

from .module import Module
from ..parameter import Parameter
from torch.nn import functional as F
# Library code reaching for test helpers: forbidden by this tree's strata.yaml.
from torch.testing._internal.common_utils import make_tensor


class Linear(Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = Parameter()
        self.scale = 1 / math.sqrt(in_features)

    def forward(self, x):
        return F.linear(x, self.weight)
