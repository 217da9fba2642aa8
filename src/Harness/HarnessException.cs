namespace MaxK.Harness;

/// <summary>A failure with a message meant for the user: printed without a stack trace, exit code 2.</summary>
public sealed class HarnessException(string message, Exception? inner = null) : Exception(message, inner);
