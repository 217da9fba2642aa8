using System.CommandLine;
using MaxK.Harness.Toolchain;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk native build</c>: compiles native/cuda when a CUDA toolkit is present.</summary>
public static class NativeCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "GPU architecture (sm_90 for H100/H200).", DefaultValueFactory = _ => "sm_90" };
        var source = new Option<string?>("--source") { Description = "native/cuda folder (default: found from the current folder upwards)." };
        var output = new Option<string?>("--build-dir") { Description = "CMake build folder (default: <source>/build)." };
        var build = new Command("build", "Configures and builds native/cuda with CMake and nvcc; skips with a message without a toolkit.") { arch, source, output };
        build.SetAction(parse =>
        {
            if (NativeBuild.SkipReason(Environment.GetEnvironmentVariable, "/usr/local/cuda", out _) is { } reason)
            {
                parse.InvocationConfiguration.Output.WriteLine($"Native: skipped ({reason}). The CPU paths still work; GPU kernels need a CUDA 12 or 13 toolkit.");
                return 0;
            }
            var src = parse.GetValue(source) ?? NativeBuild.FindSourceDirectory(Environment.CurrentDirectory)
                ?? NativeBuild.FindSourceDirectory(AppContext.BaseDirectory)
                ?? throw new HarnessException("native/cuda/CMakeLists.txt not found above the current folder; pass --source.");
            var dir = parse.GetValue(output) ?? Path.Combine(src, "build");
            return NativeBuild.Run(src, dir, parse.GetValue(arch)!, parse.InvocationConfiguration.Output, Environment.GetEnvironmentVariable);
        });
        return new Command("native", "Native CUDA library.") { build };
    }
}
