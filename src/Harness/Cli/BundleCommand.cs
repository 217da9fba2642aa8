using System.CommandLine;
using MaxK.Harness.Bundling;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk bundle pack</c>: the last step of ./build.sh Bundle (runtime archive, sources, budget check).</summary>
public static class BundleCommand
{
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "Bundle folder holding the published harness/ and gpu-tests/.", Required = true };
        var repo = new Option<string>("--repo") { Description = "Repository root (for native/cuda and build/gpu-host.sh).", DefaultValueFactory = _ => "." };
        var pack = new Command("pack", "Adds the .NET runtime archive, native sources and the GPU-host script; checks the size budget.") { bundle, repo };
        pack.SetAction(parse =>
        {
            BundlePacker.Pack(Path.GetFullPath(parse.GetValue(bundle)!), Path.GetFullPath(parse.GetValue(repo)!), parse.InvocationConfiguration.Output);
            return 0;
        });
        return new Command("bundle", "Bundles for GPU hosts without a .NET SDK.") { pack };
    }
}
