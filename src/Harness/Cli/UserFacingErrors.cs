using MaxK.Graphs;
using MaxK.Torch;

namespace MaxK.Harness.Cli;

/// <summary>Exceptions whose message alone tells the user what is wrong (no stack trace needed).</summary>
public static class UserFacingErrors
{
    public static bool IsUserFacing(Exception ex) => ex is HarnessException or InvalidGraphException or LibTorchNotFoundException
        or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ArgumentException
        or FormatException or OutOfMemoryException or UnauthorizedAccessException;
}
