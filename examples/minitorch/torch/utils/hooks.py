from collections import OrderedDict


class RemovableHandle:
    def __init__(self, hooks_dict: OrderedDict):
        self.hooks_dict = hooks_dict
