import plainext
import stubbed
import declared
