using System.CommandLine;
using MaxK.Harness.Training;
using MaxK.Torch;
using TorchSharp;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk torch check</c>: finds libtorch, initialises TorchSharp and runs a forward and backward pass.</summary>
public static class TorchCommand
{
    public static Command Create()
    {
        var device = WordOption.Create("--device", "Device to check", TorchDevice.Cpu);
        var libtorch = new Option<string?>("--libtorch") { Description = $"Folder with libtorch.so (else ${LibTorchLocator.EnvironmentVariable}, the CPU package, python3)." };
        var check = new Command("check", "Locates libtorch, loads TorchSharp and runs a small forward/backward pass.") { device, libtorch };
        check.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var selected = parse.GetValue(device) ?? TorchDevice.Cpu;
            if (selected == TorchDevice.Cuda)
                CudaDeviceCheck.Require();
            var info = TorchRuntime.Initialize(selected, parse.GetValue(libtorch));
            output.WriteLine($"libtorch:      {info.LibTorch.Directory} ({info.LibTorch.Source})");
            output.WriteLine($"LibTorchSharp: {info.LibTorchSharpPath}{(info.GlibcxxPatched ? " (GLIBCXX_3.4.32 marked weak for this host)" : "")}");
            output.WriteLine($"TorchSharp:    {info.TorchSharpVersion}");
            var dev = info.Device == TorchDevice.Cuda ? torch.CUDA : torch.CPU;
            using var scope = torch.NewDisposeScope();
            var w = torch.randn(64, 64, device: dev, requires_grad: true);
            var x = torch.randn(128, 64, device: dev);
            var loss = torch.nn.functional.relu(x.matmul(w)).pow(2).mean();
            loss.backward();
            var gradNorm = w.grad!.norm().item<float>();
            output.WriteLine($"forward/backward on {dev.type}: loss={loss.item<float>():F4} |grad|={gradNorm:F4}");
            if (!float.IsFinite(gradNorm) || gradNorm <= 0)
                throw new HarnessException("TorchSharp produced a non-finite or zero gradient: the native library is broken.");
            return 0;
        });
        return new Command("torch", "TorchSharp runtime checks.") { check };
    }
}
