using System.Diagnostics;

namespace MaxK.Tests.Native;

/// <summary>
/// Compiles Native/Fixtures/maxk_native_stub.c into a shared library against the real <c>maxk_native.h</c> (found in
/// MAXK_NATIVE_INCLUDE, or in native/cuda/include above the test folder or the current folder) with the system C
/// compiler. Tests using it skip, with the reason, when the header or a compiler is missing (e.g. before native/cuda
/// is merged, or on a runner without cc), and fail when the stub no longer compiles against the header (ABI drift).
/// </summary>
internal static class NativeStub
{
    private static readonly Lazy<(string? Folder, string? Reason, bool Failed)> Built = new(Build);

    /// <summary>The folder holding libmaxk_native.so (the stub), libmaxk_native_old.so (minor version 2) and libmaxk_native_partial.so.</summary>
    public static string Folder
    {
        get
        {
            var (folder, reason, failed) = Built.Value;
            if (failed)
                Assert.Fail(reason); // the header and the stub disagree: the C# declarations need the same review
            if (folder is null)
                Assert.Skip(reason!);
            return folder!;
        }
    }

    public static string Library => Path.Combine(Folder, "libmaxk_native.so");

    public static string OldVersionLibrary => Path.Combine(Folder, "libmaxk_native_old.so");

    public static string PartialLibrary => Path.Combine(Folder, "libmaxk_native_partial.so");

    private static (string?, string?, bool) Build()
    {
        var include = FindInclude();
        if (include is null)
            return (null, "maxk_native.h not found (set MAXK_NATIVE_INCLUDE, or merge native/cuda)", false);
        var compiler = new[] { "cc", "gcc", "clang" }.Select(FindOnPath).FirstOrDefault(p => p is not null);
        if (compiler is null)
            return (null, "no C compiler (cc, gcc or clang) on PATH", false);
        var source = Path.Combine(AppContext.BaseDirectory, "Native", "Fixtures", "maxk_native_stub.c");
        var folder = Path.Combine(Path.GetTempPath(), "maxk-native-stub-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, "partial.c");
        File.WriteAllText(partial, "#include <stdint.h>\nint mxk_version(int32_t* a, int32_t* b, int32_t* c) { *a = 0; *b = 3; *c = 0; return 0; }\n");
        foreach (var (output, extra, file) in new[]
                 {
                     ("libmaxk_native.so", "", source),
                     ("libmaxk_native_old.so", "-DSTUB_MINOR=2", source),
                     ("libmaxk_native_partial.so", "", partial),
                 })
        {
            var error = Compile(compiler, include, file, Path.Combine(folder, output), extra);
            if (error is not null)
                return (null, $"compiling the native stub against {include}/maxk_native.h failed: {error}", true);
        }
        return (folder, null, false);
    }

    private static string? Compile(string compiler, string include, string source, string output, string extra)
    {
        var start = new ProcessStartInfo(compiler)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-shared", "-fPIC", "-O1", "-std=gnu11", "-Wall", "-Werror", $"-I{include}", source, "-o", output })
            start.ArgumentList.Add(arg);
        if (extra.Length > 0)
            start.ArgumentList.Add(extra);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : stderr;
    }

    private static string? FindInclude()
    {
        if (Environment.GetEnvironmentVariable("MAXK_NATIVE_INCLUDE") is { Length: > 0 } explicitFolder)
            return File.Exists(Path.Combine(explicitFolder, "maxk_native.h")) ? explicitFolder : null;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "native", "cuda", "include");
                if (File.Exists(Path.Combine(candidate, "maxk_native.h")))
                    return candidate;
            }
        }
        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
