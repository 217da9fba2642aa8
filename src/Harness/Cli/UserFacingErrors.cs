using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MaxK.Datasets;
using MaxK.Sources;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Suites;
using MaxK.Interop;
using MaxK.Native;
using MaxK.Torch;

namespace MaxK.Harness.Cli;

/// <summary>
/// Exceptions whose message alone tells the user what is wrong (bad input, missing files, missing CUDA or libtorch,
/// out of memory): printed as one line without a stack trace, exit code 2. Every other exception is a bug (exit 3).
/// </summary>
public static partial class UserFacingErrors
{
    public static bool IsUserFacing(Exception ex) => ex is HarnessException or SuiteFormatException or LibTorchNotFoundException or UnknownGraphPresetException
        or DatasetNotFoundException or DatasetIntegrityException or GraphSourceException or CudaException or DllNotFoundException or MaxkNativeException
        or FormatException /* invalid graphs and CBSR, corrupt files */ or IOException /* missing and corrupt files */
        or ArgumentException or InvalidOperationException or OutOfMemoryException or UnauthorizedAccessException;

    /// <summary>The one line to print for a user-facing exception (see the class summary), or null for a bug.</summary>
    public static string? Describe(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ex = Unwrap(ex);
        if (ex is ExternalException && AllocationFailure().Match(ex.Message) is { Success: true } oom)
            return OutOfMemory(oom);
        if (ex is OutOfMemoryException)
            return "out of memory: the run does not fit in this host's memory; use a smaller dataset or lower --hidden or --layers.";
        if (!IsUserFacing(ex))
            return null;
        var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
        return OneLine(message);
    }

    /// <summary>"Type: message" on one line, for the internal-error report.</summary>
    public static string Internal(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ex = Unwrap(ex);
        return $"{ex.GetType().FullName}: {OneLine(ex.Message)}";
    }

    /// <summary>A message on one line: each line break with its indentation becomes "; " (" " after a colon); libtorch's native stack is cut.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(l => !l.StartsWith("Exception raised from", StringComparison.Ordinal)).ToList();
        return string.Concat(lines.Select((l, i) => i == 0 ? l : (lines[i - 1].EndsWith(':') ? " " : "; ") + l));
    }

    private static Exception Unwrap(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => ex,
    };

    private static string OutOfMemory(Match oom)
    {
        var size = oom.Groups["bytes"].Success
            ? string.Create(CultureInfo.InvariantCulture, $"{double.Parse(oom.Groups["bytes"].Value, CultureInfo.InvariantCulture) / 1e9:F1} GB of host memory")
            : $"{oom.Groups["gpu"].Value} of GPU memory";
        return $"out of memory: libtorch could not allocate {size} for the model or its activations; lower --hidden or --layers, or use a smaller dataset.";
    }

    /// <summary>libtorch's allocation failures: the CPU allocator ("you tried to allocate N bytes") and CUDA ("Tried to allocate 20.00 GiB").</summary>
    [GeneratedRegex(@"can't allocate memory: you tried to allocate (?<bytes>\d+) bytes|CUDA out of memory\. Tried to allocate (?<gpu>[0-9.]+ [KMGT]?i?B)")]
    private static partial Regex AllocationFailure();
}
