using System.Runtime.InteropServices;

namespace MaxK.Torch;

/// <summary>
/// libtorch's OpenMP threads spin-wait after every parallel region by default. The CPU reference kernels run on
/// .NET's thread pool between torch operations, so on a small machine (CI has 2 cores) the spinning threads starve
/// them and each other: Cora MaxK training epochs took 3–6× longer. Setting OMP_WAIT_POLICY=PASSIVE in the native
/// environment before libtorch (and its OpenMP runtime) is loaded makes idle OpenMP threads sleep instead.
/// A value the user already set is kept. <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not
/// reach the native environment on Unix, hence libc's setenv.
/// </summary>
internal static partial class OpenMpWaitPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";

    public static void DefaultToPassive()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null)
            return;
        try
        {
            _ = SetEnv(Variable, "PASSIVE", 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not fatal: only speed is affected.
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
