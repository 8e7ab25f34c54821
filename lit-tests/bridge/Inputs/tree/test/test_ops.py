import torch
from torch.library import Library
fragment = Library("myops", "FRAGMENT")
