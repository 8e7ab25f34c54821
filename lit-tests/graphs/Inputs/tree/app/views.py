import core.models
from core import util, db
import tools.helper


def late():
    import core.db
