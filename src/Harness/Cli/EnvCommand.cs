using System.CommandLine;
using System.Text.Json;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Torch;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk env</c>: prints the provenance a run would record here (hardware, software, source), as text or JSON.</summary>
public static class EnvCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the run manifest as JSON." };
        var torch = new Option<bool>("--torch") { Description = "Also locate libtorch (CPU, then CUDA) without loading it." };
        var command = new Command("env", "Prints the provenance a run records on this host: GPU, driver, CUDA, cuSPARSE, native library, .NET, OS, commit.") { json, torch };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var gpu = GpuEnvironment.Probe();
            var manifest = ManifestFactory.Create("env", (gpu.DeviceCount, gpu.DriverVersion, gpu.UnavailableReason), 0, Environment.CurrentDirectory);
            if (gpu.UnavailableReason is null)
                manifest = GpuProvenance.Query().Apply(manifest);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(manifest, ResultJson.Options));
                return 0;
            }
            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(manifest, ResultJson.Options));
            foreach (var p in doc.RootElement.EnumerateObject().Where(p => p.Name is not ("suite" or "seed" or "started_utc" or "finished_utc")))
            {
                if (p.Value.ValueKind != JsonValueKind.Null)
                    output.WriteLine($"{p.Name,-30} {p.Value}");
            }
            if (parse.GetValue(torch))
            {
                foreach (var device in new[] { TorchDevice.Cpu, TorchDevice.Cuda })
                {
                    try
                    {
                        var found = new LibTorchLocator().Locate(device);
                        output.WriteLine($"{"libtorch_" + device.ToString().ToLowerInvariant(),-30} {found.Directory} ({found.Source})");
                    }
                    catch (LibTorchNotFoundException ex)
                    {
                        output.WriteLine($"{"libtorch_" + device.ToString().ToLowerInvariant(),-30} not found: {string.Join("; ", ex.Attempts.Select(a => $"{a.Source}: {a.Outcome}"))}");
                    }
                }
            }
            return 0;
        });
        return command;
    }
}
