from core import util

import app.views
