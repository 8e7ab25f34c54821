import low.base
from tools import helper
