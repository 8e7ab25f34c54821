from torch.optim.sgd import SGD
