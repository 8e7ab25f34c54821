import numpy


def helper():
    return 1


def later():
    import low.base
    return low.base
