"""The lower layer."""
import high.api
