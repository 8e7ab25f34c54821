"""minitorch: a small PyTorch-shaped package for trying strata."""
from torch import nn
from torch import optim
from torch.utils import hooks

__all__ = ["nn", "optim", "hooks"]
