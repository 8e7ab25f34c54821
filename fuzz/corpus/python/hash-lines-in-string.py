s = """
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
# not a comment, it's a string
"""
warnings.warn("x", DeprecationWarning)
