from .module import Module
from .linear import Linear
