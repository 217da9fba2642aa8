using System.Reflection;
using System.Runtime.InteropServices;
using MaxK.Native;

namespace MaxK.Interop;

/// <summary>
/// The one <c>DllImport</c> resolver this project installs per assembly (.NET allows a single resolver per assembly):
/// it routes the CUDA logical names to <see cref="CudaLibraryResolver"/> and <c>maxk_native</c> to
/// <see cref="MaxkNativeLibraryResolver"/>, and leaves every other name to the default search (zero).
/// </summary>
internal static class DllImportRouting
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<Assembly> Installed = [];

    /// <summary>Installs the router for <paramref name="assembly"/> once; later calls do nothing.</summary>
    /// <exception cref="InvalidOperationException">Another resolver was already installed for the assembly.</exception>
    public static void Install(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (Gate)
        {
            if (!Installed.Add(assembly))
                return;
            try
            {
                NativeLibrary.SetDllImportResolver(assembly, Resolve);
            }
            catch (InvalidOperationException ex)
            {
                Installed.Remove(assembly);
                throw new InvalidOperationException(
                    $"Assembly {assembly.GetName().Name} already has a DllImport resolver; the CUDA and MaxK native library resolver cannot be installed.", ex);
            }
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (CudaLibraryResolver.Serves(libraryName))
            return CudaLibraryResolver.ResolveServed(libraryName);
        if (MaxkNativeLibraryResolver.Serves(libraryName))
            return MaxkNativeLibraryResolver.ResolveServed();
        return IntPtr.Zero;
    }
}
