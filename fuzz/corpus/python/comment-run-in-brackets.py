x = max(1,
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    # an argument
    2)
import sys  # strata: ignore[import-cycle] why
