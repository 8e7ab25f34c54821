import os
x = 1 + \
  \
  \
  \
  \
  \
  \
  \
  \
  \
  \
  \
  \
1
from . import y
