# A file name with a space and a non-ASCII letter.
import high.api
