"""A package for the config tests to walk; it has no boundary problems."""
