from torch.nn.modules.module import Module


class Parameter:
    """A tensor that a Module owns."""

    owner_type = Module
