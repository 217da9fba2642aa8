"""Reference timing of torch.topk on the benchmark shape (232,965 x 256 fp32), CUDA events, median of 20."""
import torch

x = torch.rand(232965, 256, device="cuda") * 2 - 1
for k in (16, 32, 64):
    for _ in range(5):
        torch.topk(x, k, dim=1)
    ts = []
    for _ in range(20):
        a = torch.cuda.Event(enable_timing=True)
        b = torch.cuda.Event(enable_timing=True)
        a.record()
        torch.topk(x, k, dim=1)
        b.record()
        torch.cuda.synchronize()
        ts.append(a.elapsed_time(b))
    ts.sort()
    print(f"torch.topk {torch.__version__} k={k}: median {0.5 * (ts[9] + ts[10]):.3f} ms, min {ts[0]:.3f} ms")
