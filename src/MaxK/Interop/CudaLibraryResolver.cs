using System.Reflection;
using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// Maps the logical library names used in <c>[LibraryImport]</c> (<see cref="Runtime"/>, <see cref="Sparse"/>,
/// <see cref="Blas"/>) to the versioned sonames runtime-only installs ship: a bare <c>"cusparse"</c> would look
/// for the development symlink <c>libcusparse.so</c>, which they lack (platform.md §1.1).
/// For each soname, newest first, it tries the bare soname (the dynamic loader's search, which also returns a
/// copy libtorch already loaded), then the same file in each hint folder (<see cref="CudaLibraryHints"/>).
/// On failure it throws a <see cref="DllNotFoundException"/> listing every attempt and its error.
/// Each class declaring <c>[LibraryImport]</c> with these names calls <see cref="Register"/> for its assembly from
/// a static constructor, which runs before its first P/Invoke (see <see cref="CudaRuntime"/>).
/// </summary>
public static class CudaLibraryResolver
{
    /// <summary>Environment variable naming a folder to search: a CUDA library folder or a PyTorch <c>torch/lib</c>.</summary>
    public const string DirectoryEnvironmentVariable = "MAXK_CUDA_LIB_DIR";

    /// <summary>Logical name of the CUDA runtime: libcudart.so.13, then .12.</summary>
    public const string Runtime = "cudart";

    /// <summary>Logical name of cuSPARSE: libcusparse.so.12 (also the soname in CUDA 13).</summary>
    public const string Sparse = "cusparse";

    /// <summary>Logical name of cuBLAS: libcublas.so.13, then .12.</summary>
    public const string Blas = "cublas";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs the resolver for <paramref name="assembly"/>; calling it again for the same assembly does nothing.
    /// The installed resolver is shared with the MaxK native library's (.NET allows one per assembly): it serves the CUDA
    /// names and every route added to <see cref="DllImportRouting"/>, e.g. <c>maxk_native</c> once that library registered.
    /// Throws <see cref="InvalidOperationException"/> if another resolver was already installed for it.
    /// </summary>
    public static void Register(Assembly assembly) => DllImportRouting.Install(assembly);

    /// <summary>True for the logical names this resolver serves.</summary>
    public static bool Serves(string libraryName) => libraryName is Runtime or Sparse or Blas;

    /// <summary>The sonames for a logical name, preferred (newest) first; empty for names not served here.</summary>
    public static IReadOnlyList<string> Sonames(string logicalName) => logicalName switch
    {
        Runtime => ["libcudart.so.13", "libcudart.so.12"],
        Sparse => ["libcusparse.so.12"],
        Blas => ["libcublas.so.13", "libcublas.so.12"],
        _ => [],
    };

    /// <summary>
    /// Absolute folders to search for <paramref name="logicalName"/>, in order: for each hint root (the explicit
    /// folder, then each loaded-library folder) the root itself, then pip's layouts relative to a <c>torch/lib</c>
    /// root: <c>../../nvidia/cu13/lib</c>, <c>../../nvidia/cu12/lib</c> and the per-library CUDA 12 wheel folder
    /// (<c>../../nvidia/cuda_runtime/lib</c>, <c>cusparse/lib</c> or <c>cublas/lib</c>); then the toolkit library
    /// folders as they are. Duplicates removed.
    /// </summary>
    public static IReadOnlyList<string> SearchDirectories(string logicalName, CudaLibraryHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var wheelFolder = logicalName switch
        {
            Runtime => "cuda_runtime",
            Sparse => "cusparse",
            Blas => "cublas",
            _ => null,
        };
        if (wheelFolder is null)
            return [];
        var roots = new List<string>();
        if (!string.IsNullOrWhiteSpace(hints.ExplicitDirectory))
            roots.Add(hints.ExplicitDirectory);
        roots.AddRange(hints.LoadedLibraryDirectories.Where(d => !string.IsNullOrWhiteSpace(d)));
        var folders = new List<string>();
        foreach (var root in roots)
        {
            foreach (var folder in new[]
                     {
                         root,
                         Path.Combine(root, "..", "..", "nvidia", "cu13", "lib"),
                         Path.Combine(root, "..", "..", "nvidia", "cu12", "lib"),
                         Path.Combine(root, "..", "..", "nvidia", wheelFolder, "lib"),
                     })
            {
                var full = Path.GetFullPath(folder);
                if (!folders.Contains(full))
                    folders.Add(full);
            }
        }
        foreach (var folder in hints.ToolkitDirectories ?? [])
        {
            var full = Path.GetFullPath(folder);
            if (!folders.Contains(full))
                folders.Add(full);
        }
        return folders;
    }

    /// <summary>
    /// Everything tried for <paramref name="logicalName"/>, in order: for each soname (newest first) the bare
    /// soname, then that file in each of <see cref="SearchDirectories"/>. Empty for names not served here.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string logicalName, CudaLibraryHints hints)
    {
        var folders = SearchDirectories(logicalName, hints);
        var candidates = new List<string>();
        foreach (var soname in Sonames(logicalName))
        {
            candidates.Add(soname);
            candidates.AddRange(folders.Select(f => Path.Combine(f, soname)));
        }
        return candidates;
    }

    /// <summary>
    /// Loads the first candidate that <paramref name="tryLoad"/> accepts (it returns a non-zero handle, or zero and
    /// an error text); throws <see cref="DllNotFoundException"/> listing every candidate and its error otherwise.
    /// </summary>
    public static IntPtr Load(string logicalName, CudaLibraryHints hints, Func<string, (IntPtr Handle, string? Error)> tryLoad)
    {
        ArgumentNullException.ThrowIfNull(tryLoad);
        var candidates = Candidates(logicalName, hints);
        if (candidates.Count == 0)
            throw new ArgumentException($"'{logicalName}' is not a CUDA library this resolver serves ({Runtime}, {Sparse}, {Blas}).", nameof(logicalName));
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            var (handle, error) = tryLoad(candidate);
            if (handle != IntPtr.Zero)
                return handle;
            failures.Add($"  {candidate}: {error ?? "not loadable"}");
        }
        throw new DllNotFoundException(
            $"Could not load the CUDA library '{logicalName}'. Tried, in order:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures) + Environment.NewLine
            + $"Install the CUDA runtime libraries, or set {DirectoryEnvironmentVariable} to a folder holding them "
            + "(or to a PyTorch torch/lib folder with pip's nvidia/*/lib beside it).");
    }

    /// <summary>The real loader: bare sonames go to dlopen's search; absolute paths must exist first.</summary>
    internal static (IntPtr Handle, string? Error) TryLoadNative(string candidate)
    {
        if (Path.IsPathRooted(candidate) && !File.Exists(candidate))
            return (IntPtr.Zero, "not present");
        try
        {
            return (NativeLibrary.Load(candidate), null);
        }
        catch (DllNotFoundException ex)
        {
            // .NET's message wraps dlerror() in advice; keep only dlerror's text (the last line).
            var lines = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (IntPtr.Zero, lines.Length > 0 ? lines[^1] : ex.Message);
        }
        catch (BadImageFormatException ex)
        {
            return (IntPtr.Zero, ex.Message);
        }
    }

    /// <summary>
    /// Loads the exact file <paramref name="soname"/> (e.g. <c>libcudart.so.12</c>, which another library needs) from the
    /// folders searched for <paramref name="logicalName"/>; returns whether one loaded. Used to satisfy a dependency the
    /// dynamic loader cannot find on its own path.
    /// </summary>
    internal static bool TryPreload(string logicalName, string soname)
    {
        foreach (var folder in SearchDirectories(logicalName, CudaLibraryHints.FromProcess()))
        {
            if (TryLoadNative(Path.Combine(folder, soname)).Handle != IntPtr.Zero)
                return true;
        }
        return false;
    }

    /// <summary>Loads (once per process) the library for a served logical name; throws <see cref="DllNotFoundException"/>.</summary>
    internal static IntPtr ResolveServed(string libraryName)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(libraryName, out var cached))
                return cached;
            var handle = Load(libraryName, CudaLibraryHints.FromProcess(), TryLoadNative);
            Loaded[libraryName] = handle;
            return handle;
        }
    }
}
