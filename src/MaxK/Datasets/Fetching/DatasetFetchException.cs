namespace MaxK.Datasets.Fetching;

/// <summary>A download failed (HTTP error, broken transfer, size or checksum mismatch); the message says what to do.</summary>
public sealed class DatasetFetchException(string message, Exception? innerException = null) : IOException(message, innerException);
