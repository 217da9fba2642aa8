using System.Text.Json.Serialization;
using MaxK.Torch;

namespace MaxK.Harness.Vocabulary;

/// <summary>Where a case runs. Words: "cpu" and "cuda" (result records, suite files, case ids, <c>--device</c>).</summary>
public enum ComputeDevice
{
    [JsonStringEnumMemberName("cpu")]
    Cpu,

    [JsonStringEnumMemberName("cuda")]
    Cuda,
}

/// <summary>Conversions of <see cref="ComputeDevice"/>.</summary>
public static class ComputeDevices
{
    /// <summary>The word, e.g. "cuda".</summary>
    public static string Word(this ComputeDevice device) => Words.Of(device);

    /// <summary>The torch device a training case of this device uses.</summary>
    public static TorchDevice ToTorch(this ComputeDevice device) => device == ComputeDevice.Cuda ? TorchDevice.Cuda : TorchDevice.Cpu;

    /// <summary>The harness device of a torch device.</summary>
    public static ComputeDevice Of(TorchDevice device) => device == TorchDevice.Cuda ? ComputeDevice.Cuda : ComputeDevice.Cpu;
}
