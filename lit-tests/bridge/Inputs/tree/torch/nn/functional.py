import torch
from torch._C import _nn
import torch._C._jit as jit
from torch._C._autograd import grad_mode
import torch._C._jit.inner
import mylib._ext

def relu(x):
    scaled = torch.ops.myops.scale(x)
    shifted = torch.ops.myops.shift(x)
    return torch.ops.pyops.twice(scaled)

# torch.ops.commented.out is a comment
name = "torch.ops.in_a_string.op"
ops = torch.ops
computed = getattr(torch.ops, "myops")
fixture = torch.ops.fixtureops.x, torch.ops.rawops.x
