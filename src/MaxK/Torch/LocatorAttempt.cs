namespace MaxK.Torch;

/// <summary>One step of <see cref="LibTorchLocator"/>: what it tried and, when it failed, why.</summary>
public sealed record LocatorAttempt(string Source, string Outcome);
