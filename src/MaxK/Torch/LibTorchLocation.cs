namespace MaxK.Torch;

/// <summary>A directory holding libtorch's shared libraries, and which locator source found it.</summary>
/// <param name="Directory">Absolute path of the folder with libtorch.so, libtorch_cpu.so and libc10.so.</param>
/// <param name="Source">Human-readable source, e.g. "MAXK_LIBTORCH" or "python3 (torch 2.11.0+cu130)".</param>
/// <param name="HasCuda">Whether libtorch_cuda.so is present.</param>
public sealed record LibTorchLocation(string Directory, string Source, bool HasCuda);
