from torch.nn.modules.module import Module
from torch.nn.parameter import Parameter
from torch.nn import functional
