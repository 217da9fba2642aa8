namespace MaxK.Harness.Bundling;

/// <summary>What <see cref="BundlePacker"/> produced: where, how big (bytes), and with which runtime.</summary>
public sealed record BundleReport(string Directory, long TotalBytes, string RuntimeVersion, string RuntimeArchive);
