namespace MaxK.Harness.Verification;

/// <summary>A check found <see cref="Count"/> failed expectations (listed in the message); reported as a failed check, not a crash.</summary>
public sealed class VerificationFailedException(string message, int count) : Exception(message)
{
    public int Count { get; } = count;
}
