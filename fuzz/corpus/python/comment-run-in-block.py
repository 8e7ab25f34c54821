import warnings
if x:
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    # a comment
    import os
    # deprecated since 2.1
    warnings.warn("old", DeprecationWarning)
