import warnings


def linear(x, weight):
    return x


def relu(x, inplace=False):
    warnings.warn("nn.functional.relu(inplace=True) is deprecated", DeprecationWarning)
    return x
