namespace MaxK.Torch;

/// <summary>How TorchSharp was brought up: provenance for result manifests.</summary>
/// <param name="LibTorchSharpPath">The native TorchSharp library actually loaded.</param>
/// <param name="GlibcxxPatched">True when a GLIBCXX_3.4.32-weakened copy was needed on this host.</param>
public sealed record TorchRuntimeInfo(
    TorchDevice Device, LibTorchLocation LibTorch, string LibTorchSharpPath, bool GlibcxxPatched, string TorchSharpVersion);
