import core.models
