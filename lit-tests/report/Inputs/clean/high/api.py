import low.base
