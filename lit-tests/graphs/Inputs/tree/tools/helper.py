import core.db
