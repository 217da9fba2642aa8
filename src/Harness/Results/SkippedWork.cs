namespace MaxK.Harness.Results;

/// <summary>Part of a suite that did not run on this host, and why (printed and recorded in the results).</summary>
public sealed record SkippedWork(string What, string Reason);
