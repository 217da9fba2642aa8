namespace MaxK.Harness.Peers;

/// <summary>A peer implementation (e.g. PyTorch Geometric) is not installed on this host; its cases are skipped with this message.</summary>
public sealed class PeerUnavailableException(string message) : Exception(message);
