import torch.nn.functional
