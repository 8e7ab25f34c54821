import torch.library
from torch.library import Library, custom_op

pylib = torch.library.Library("pyops", "DEF")

@custom_op("pyops::twice")
def twice(x):
    return x

name = "dyn"
dynamic = Library(name, "DEF")
formatted = Library(f"{name}ops", "DEF")

def define_in_a_test():
    return Library("myops", "DEF")
