using System.Reflection;
using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// The one <c>DllImport</c> resolver this project installs per assembly (.NET allows a single resolver per assembly).
/// It asks its routes in order: the CUDA logical names (<see cref="CudaLibraryResolver"/>) always, then every route added
/// with <see cref="AddRoute"/> (the MaxK native library adds <c>maxk_native</c> when it registers), and leaves every
/// other name to the default search (zero). Routes are global, so a route added later also serves assemblies whose
/// resolver was installed earlier. Interop knows nothing of the libraries above it: they add their route.
/// </summary>
internal static class DllImportRouting
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<Assembly> Installed = [];
    private static readonly List<(Func<string, bool> Serves, Func<string, IntPtr> Resolve)> Routes = [(CudaLibraryResolver.Serves, CudaLibraryResolver.ResolveServed)];

    /// <summary>Adds a route for the logical names <paramref name="serves"/> accepts; adding the same route again does nothing.</summary>
    public static void AddRoute(Func<string, bool> serves, Func<string, IntPtr> resolve)
    {
        ArgumentNullException.ThrowIfNull(serves);
        ArgumentNullException.ThrowIfNull(resolve);
        lock (Gate)
        {
            if (!Routes.Exists(r => r.Serves.Equals(serves)))
                Routes.Add((serves, resolve));
        }
    }

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
        (Func<string, bool> Serves, Func<string, IntPtr> Resolve)[] routes;
        lock (Gate)
            routes = [.. Routes];
        foreach (var route in routes)
        {
            if (route.Serves(libraryName))
                return route.Resolve(libraryName);
        }
        return IntPtr.Zero;
    }
}
