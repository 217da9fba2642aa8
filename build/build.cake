// The build program. Task bodies stay thin: anything with logic lives in the `maxk` harness
// (src/Harness), where it is tested. Run ./build.sh Help for the list of targets.

var target = Argument("target", "Help");
var configuration = Argument("configuration", "Release");
var cudaArch = Argument("cuda-arch", EnvironmentVariable("MAXK_CUDA_ARCH") ?? "90");
var suite = Argument("suite", "default");
var results = Argument("results", "results");
var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("MaxK.slnx");
var harness = root.CombineWithFilePath("src/Harness/Harness.csproj");
var artifacts = root.Combine("artifacts");

// Runs the built harness (`maxk`) with the given arguments and returns its exit code.
int MaxkExit(string arguments)
{
    var dll = root.CombineWithFilePath($"src/Harness/bin/{configuration}/net10.0/maxk.dll");
    return StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{dll}\" {arguments}", WorkingDirectory = root });
}

// Runs the built harness (`maxk`) with the given arguments; fails the task on a non-zero exit.
void Maxk(string arguments)
{
    var exit = MaxkExit(arguments);
    if (exit != 0) throw new Exception($"maxk {arguments} failed with exit code {exit}");
}

Task("Clean")
    .Description("Deletes build outputs: artifacts/, bin/ and obj/ folders, native/cuda/build.")
    .Does(() =>
{
    CleanDirectories(GetDirectories($"{root}/src/**/bin") + GetDirectories($"{root}/src/**/obj")
        + GetDirectories($"{root}/tests/**/bin") + GetDirectories($"{root}/tests/**/obj"));
    if (DirectoryExists(artifacts)) DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
    var nativeBuild = root.Combine("native/cuda/build");
    if (DirectoryExists(nativeBuild)) DeleteDirectory(nativeBuild, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Restore")
    .Description("Restores NuGet packages and the local dotnet tools.")
    .Does(() => DotNetRestore(solution.FullPath));

Task("Build")
    .Description("Builds every .NET project (configuration: --configuration=Release|Debug).")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Native")
    .Description("Compiles native/cuda with CMake and nvcc (--cuda-arch=90); prints a skip message when no CUDA toolkit is present.")
    .IsDependentOn("Build")
    .Does(() => Maxk($"native build --arch {cudaArch}"));

Task("Test")
    .Description("Runs the CPU test suite (failures in full, a progress line every 20 s) and prints 'N passed, N failed'.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var results = artifacts.Combine("test-results");
    if (DirectoryExists(results)) DeleteDirectory(results, new DeleteDirectorySettings { Recursive = true, Force = true });
    var exit = MaxkExit($"ci run-tests --project tests/Cpu.Tests/Cpu.Tests.csproj --configuration {configuration} --results-directory \"{results}\"");
    Maxk($"ci test-summary \"{results}\"");
    if (exit != 0) throw new Exception($"the tests failed (maxk ci run-tests exit code {exit})");
});

Task("Benchmark")
    .Description("The main job: runs the default suite (GPU cases when CUDA is present: into results/; the CPU subset otherwise: into artifacts/results), then renders that run beside the committed results into artifacts/site/ (marked local). MAXK_SHARD=i/n runs one shard (no site).")
    .IsDependentOn("Native")
    .Does(() =>
{
    var shard = EnvironmentVariable("MAXK_SHARD");
    Maxk($"bench --suite {suite}" + (string.IsNullOrWhiteSpace(shard) ? " --site artifacts/site" : $" --shard {shard.Trim()}"));
});

Task("Site")
    .Description("Renders the static results site from results/ (or --results=DIR) into site/_out.")
    .IsDependentOn("Build")
    .Does(() => Maxk($"report --results \"{results}\" --output site/_out"));

Task("Bundle")
    .Description("Packs what a GPU host without a .NET SDK needs (runtime, harness, GPU tests, native sources) into artifacts/bundle.")
    .IsDependentOn("Restore")
    .Does(() =>
{
    var bundle = artifacts.Combine("bundle");
    if (DirectoryExists(bundle)) DeleteDirectory(bundle, new DeleteDirectorySettings { Recursive = true, Force = true });
    foreach (var (project, name) in new[] { ("src/Harness/Harness.csproj", "harness"), ("tests/Gpu.Tests/Gpu.Tests.csproj", "gpu-tests") })
    {
        DotNetPublish(root.CombineWithFilePath(project).FullPath, new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = "linux-x64",
            SelfContained = false,
            OutputDirectory = bundle.Combine(name),
        });
    }
    var exit = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"\"{bundle}/harness/maxk.dll\" bundle pack --bundle \"{bundle}\" --repo \"{root}\"",
        WorkingDirectory = root,
    });
    if (exit != 0) throw new Exception($"bundle pack failed with exit code {exit}");
});

Task("Help")
    .Description("Lists every target with its description.")
    .Does(() =>
{
    Information("Usage: ./build.sh <Target> [--configuration=Release] [--cuda-arch=90] [--suite=default] [--results=results]");
    Information("Targets:");
    foreach (var task in Tasks.OrderBy(t => t.Name))
        Information($"  {task.Name,-10} {task.Description}");
});

RunTarget(target);
