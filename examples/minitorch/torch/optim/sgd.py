from torch.nn.parameter import Parameter


class SGD:
    def __init__(self, params, lr=0.01):
        self.params = list(params)
        self.lr = lr
