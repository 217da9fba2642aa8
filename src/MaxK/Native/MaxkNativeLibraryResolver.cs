using System.Reflection;
using System.Runtime.InteropServices;
using MaxK.Interop;

namespace MaxK.Native;

/// <summary>
/// Finds <c>libmaxk_native.so</c> for <c>[LibraryImport("maxk_native")]</c>. Candidates, in order:
/// <list type="number">
/// <item>the full path in <see cref="EnvironmentVariable"/> (<c>MAXK_NATIVE_LIB</c>), when set;</item>
/// <item><c>native/cuda/build/libmaxk_native.so</c> in the current directory and each folder above it;</item>
/// <item>the same above <see cref="AppContext.BaseDirectory"/>;</item>
/// <item><c>libmaxk_native.so</c> in the application folder;</item>
/// <item>the bare file name (the dynamic loader's own search).</item>
/// </list>
/// A candidate counts only when it loads, exports every function of the header and reports version
/// <see cref="MaxkNative.BindingsVersion"/>.x; otherwise the next one is tried. Before loading, the CUDA runtime is
/// loaded through <see cref="CudaLibraryResolver"/> (best effort), so the library's <c>libcudart.so.*</c> dependency
/// is satisfied from the same folders (<c>MAXK_CUDA_LIB_DIR</c>, PyTorch's, the toolkit's) even off the loader's path;
/// if the library needs another major version than the one preloaded, that exact soname is looked up there and the
/// load retried once.
/// Failure throws <see cref="DllNotFoundException"/> listing every candidate and why it was refused, and how to build
/// the library. Installed per assembly by <see cref="Register"/>, sharing the resolver slot with the CUDA names.
/// </summary>
public static class MaxkNativeLibraryResolver
{
    /// <summary>The logical name in <c>[LibraryImport]</c>.</summary>
    public const string LibraryName = "maxk_native";

    /// <summary>The file CMake builds.</summary>
    public const string FileName = "libmaxk_native.so";

    /// <summary>Environment variable holding the full path of the library to use first.</summary>
    public const string EnvironmentVariable = "MAXK_NATIVE_LIB";

    private static readonly Lock Gate = new();
    private static IntPtr _loaded;

    /// <summary>Where the library was loaded from (an absolute path when known); null before it is loaded.</summary>
    public static string? LoadedPath { get; private set; }

    /// <summary>The build output relative to a repository root: <c>native/cuda/build/libmaxk_native.so</c>.</summary>
    public static string BuildOutputRelativePath { get; } = Path.Combine("native", "cuda", "build", FileName);

    /// <summary>
    /// Adds the <c>maxk_native</c> route to the shared resolver and installs it for <paramref name="assembly"/> (shared with
    /// <see cref="CudaLibraryResolver.Register"/>: one resolver per assembly serves both).
    /// </summary>
    public static void Register(Assembly assembly)
    {
        DllImportRouting.AddRoute(Serves, _ => ResolveServed());
        DllImportRouting.Install(assembly);
    }

    /// <summary>True for <see cref="LibraryName"/>.</summary>
    public static bool Serves(string libraryName) => libraryName == LibraryName;

    /// <summary>The candidate list, in order, without duplicates (pure: nothing is touched on disk).</summary>
    /// <param name="explicitPath">The value of <see cref="EnvironmentVariable"/>, or null when unset.</param>
    /// <param name="currentDirectory">Where the upward search for a build output starts first.</param>
    /// <param name="baseDirectory">The application folder (<see cref="AppContext.BaseDirectory"/>).</param>
    public static IReadOnlyList<string> Candidates(string? explicitPath, string currentDirectory, string baseDirectory)
    {
        var candidates = new List<string>();
        void Add(string candidate)
        {
            if (!candidates.Contains(candidate))
                candidates.Add(candidate);
        }

        if (!string.IsNullOrWhiteSpace(explicitPath))
            Add(Path.GetFullPath(explicitPath));
        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            if (string.IsNullOrWhiteSpace(start))
                continue;
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
                Add(Path.Combine(dir.FullName, BuildOutputRelativePath));
        }
        if (!string.IsNullOrWhiteSpace(baseDirectory))
            Add(Path.Combine(Path.GetFullPath(baseDirectory), FileName));
        Add(FileName);
        return candidates;
    }

    /// <summary>
    /// Returns the first candidate <paramref name="tryLoad"/> accepts (a non-zero handle, or zero and the reason);
    /// throws <see cref="DllNotFoundException"/> listing every candidate and its reason otherwise.
    /// </summary>
    public static (IntPtr Handle, string Candidate) Load(IReadOnlyList<string> candidates, Func<string, (IntPtr Handle, string? Error)> tryLoad)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(tryLoad);
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            var (handle, error) = tryLoad(candidate);
            if (handle != IntPtr.Zero)
                return (handle, candidate);
            failures.Add($"  {candidate}: {error ?? "not loadable"}");
        }
        throw new DllNotFoundException(
            $"Could not load the MaxK native library ({FileName}). Tried, in order:{Environment.NewLine}"
            + string.Join(Environment.NewLine, failures) + Environment.NewLine
            + $"Build it with `maxk native build` or ./build.sh Native (output: {BuildOutputRelativePath}), "
            + $"or set {EnvironmentVariable} to the full path of a built {FileName}. It links against the CUDA runtime "
            + $"(libcudart.so.12 or .13): if that is not on the loader's path, set {CudaLibraryResolver.DirectoryEnvironmentVariable} to its folder.");
    }

    /// <summary>
    /// Checks a loaded library: every export of <see cref="MaxkNativeMethods.ExportNames"/> present and
    /// <c>mxk_version</c> equal to <see cref="MaxkNative.BindingsVersion"/> in major and minor. Null when compatible.
    /// </summary>
    internal static unsafe string? Incompatibility(IntPtr handle)
    {
        var missing = MaxkNativeMethods.ExportNames.Where(name => !NativeLibrary.TryGetExport(handle, name, out _)).ToList();
        if (missing.Count > 0)
            return $"loaded, but lacks {string.Join(", ", missing)} (an older build? rebuild it)";
        var version = (delegate* unmanaged<int*, int*, int*, int>)NativeLibrary.GetExport(handle, "mxk_version");
        int major = 0, minor = 0, patch = 0;
        _ = version(&major, &minor, &patch);
        return MaxkNative.IsCompatible(major, minor)
            ? null
            : $"loaded, but it is version {major}.{minor}.{patch} and these bindings need {MaxkNative.BindingsVersion.Major}.{MaxkNative.BindingsVersion.Minor}.x (rebuild it from this checkout)";
    }

    /// <summary>Loads, checks and caches the library for the process; throws <see cref="DllNotFoundException"/>.</summary>
    internal static IntPtr ResolveServed()
    {
        lock (Gate)
        {
            if (_loaded != IntPtr.Zero)
                return _loaded;
            PreloadCudaRuntime();
            var candidates = Candidates(
                Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory, AppContext.BaseDirectory);
            var (handle, candidate) = Load(candidates, TryLoadCompatible);
            _loaded = handle;
            LoadedPath = Path.IsPathRooted(candidate) ? candidate : MappedPath(FileName) ?? candidate;
            return handle;
        }
    }

    /// <summary>Loads <paramref name="candidate"/> and keeps it only if <see cref="Incompatibility"/> finds nothing (else frees it and says why).</summary>
    internal static (IntPtr Handle, string? Error) TryLoadCompatible(string candidate)
    {
        var (handle, error) = CudaLibraryResolver.TryLoadNative(candidate);
        if (handle == IntPtr.Zero && MissingCudaRuntime(error) is { } soname && CudaLibraryResolver.TryPreload(CudaLibraryResolver.Runtime, soname))
            (handle, error) = CudaLibraryResolver.TryLoadNative(candidate);
        if (handle == IntPtr.Zero)
            return (handle, error);
        var problem = Incompatibility(handle);
        if (problem is null)
            return (handle, null);
        NativeLibrary.Free(handle);
        return (IntPtr.Zero, problem);
    }

    /// <summary>The CUDA runtime soname a dlerror text says is missing (e.g. "libcudart.so.12: cannot open shared object file"), or null.</summary>
    internal static string? MissingCudaRuntime(string? dlerror)
    {
        if (dlerror is null)
            return null;
        var match = System.Text.RegularExpressions.Regex.Match(dlerror, @"(libcudart\.so\.\d+): cannot open shared object file");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static void PreloadCudaRuntime()
    {
        try
        {
            _ = CudaLibraryResolver.ResolveServed(CudaLibraryResolver.Runtime);
        }
        catch (DllNotFoundException)
        {
            // The library's own dependency search still runs; its dlerror text then names what is missing.
        }
    }

    /// <summary>The absolute path of a mapped library named <paramref name="fileName"/> (from /proc/self/maps), if any.</summary>
    private static string? MappedPath(string fileName)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && Path.GetFileName(line[slash..].Trim()) == fileName)
                    return line[slash..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
