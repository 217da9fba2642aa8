namespace MaxK.Training;

/// <summary>
/// Frees GPU tensors that only the garbage collector can reach. On CUDA, torch runs backward passes on its own autograd
/// thread, so the tensors our custom functions create there are outside the epoch's dispose scope (scopes are per
/// thread) and their device memory is held until their wrappers are finalized; with little managed allocation the
/// collector may not run for many epochs, and a suite of Reddit-sized cases ran the GPU out of memory. Called between
/// epochs and between training cases, outside every timed span.
/// </summary>
public static class DeviceMemory
{
    public static void CollectUnreachableTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
