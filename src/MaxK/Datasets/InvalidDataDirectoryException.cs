namespace MaxK.Datasets;

/// <summary>A --data-dir value that cannot name a folder (empty or blank); the message says what to give instead.</summary>
public sealed class InvalidDataDirectoryException(string message) : ArgumentException(message);
