import warnings


def linear(x, weight):
    return x


def sigmoid(x):
    warnings.warn("nn.functional.sigmoid is deprecated since 2.1; use torch.sigmoid", DeprecationWarning)
    return x


def relu(x, inplace=False):
    warnings.warn("nn.functional.relu(inplace=True) is deprecated", DeprecationWarning)
    return x
