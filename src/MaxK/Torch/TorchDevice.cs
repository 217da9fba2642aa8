namespace MaxK.Torch;

/// <summary>Where TorchSharp runs: the CPU (libtorch-cpu package or a PyTorch install) or CUDA (a PyTorch install).</summary>
public enum TorchDevice
{
    Cpu,
    Cuda,
}
