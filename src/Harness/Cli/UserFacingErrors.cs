using MaxK.Datasets;
using MaxK.Sources;
using MaxK.Graphs.Synthetic;
using MaxK.Interop;
using MaxK.Native;
using MaxK.Torch;

namespace MaxK.Harness.Cli;

/// <summary>
/// Exceptions whose message alone tells the user what is wrong (bad input, missing files, missing CUDA or
/// libtorch, out of memory): printed as one line without a stack trace, exit code 2.
/// </summary>
public static class UserFacingErrors
{
    public static bool IsUserFacing(Exception ex) => ex is HarnessException or LibTorchNotFoundException or UnknownGraphPresetException
        or DatasetNotFoundException or DatasetIntegrityException or GraphSourceException or CudaException or DllNotFoundException or MaxkNativeException
        or FormatException /* invalid graphs and CBSR, corrupt files */ or IOException /* missing and corrupt files */
        or ArgumentException or InvalidOperationException or OutOfMemoryException or UnauthorizedAccessException;
}
