namespace MaxK.Native;

/// <summary>
/// A <c>libmaxk_native</c> function returned a status other than <c>MXK_OK</c>, or a managed wrapper rejected a request
/// the library documents as unsupported before calling it (<see cref="CheckedBeforeCall"/>). The message names the
/// call, the status and the library's own explanation (<c>mxk_last_error</c>), e.g.
/// <c>mxk_spgemm_forward failed: MXK_ERR_UNSUPPORTED_SHAPE (2): mxk_spgemm_forward: k must be in [1, min(256, dim = 512)] (got 257)</c>.
/// </summary>
public sealed class MaxkNativeException : Exception
{
    public MaxkNativeException(int status, string statusName, string call, string nativeMessage, bool checkedBeforeCall = false)
        : base($"{call} {(checkedBeforeCall ? "rejected before the call" : "failed")}: {statusName} ({status}): "
            + (string.IsNullOrEmpty(nativeMessage) ? "(the library gave no message)" : nativeMessage))
    {
        RawStatus = status;
        StatusName = statusName;
        Call = call;
        NativeMessage = nativeMessage;
        CheckedBeforeCall = checkedBeforeCall;
    }

    /// <summary>The status as returned (never 0).</summary>
    public int RawStatus { get; }

    /// <summary>The status as an enum (undefined values keep their number).</summary>
    public MxkStatus Status => (MxkStatus)RawStatus;

    /// <summary>The header's name of the status, e.g. <c>MXK_ERR_UNSUPPORTED_SHAPE</c>.</summary>
    public string StatusName { get; }

    /// <summary>The native function, e.g. <c>mxk_spgemm_forward</c>.</summary>
    public string Call { get; }

    /// <summary><c>mxk_last_error()</c> right after the failure, or the managed check's explanation.</summary>
    public string NativeMessage { get; }

    /// <summary>
    /// True when a managed wrapper applied the header's documented limit itself and never called the library (the
    /// status and message then mirror what the library would return).
    /// </summary>
    public bool CheckedBeforeCall { get; }

    /// <summary>An <see cref="MxkStatus.UnsupportedShape"/> failure detected on the managed side.</summary>
    public static MaxkNativeException UnsupportedShape(string call, string message) =>
        new((int)MxkStatus.UnsupportedShape, MxkStatusNames.Of((int)MxkStatus.UnsupportedShape), call, $"{call}: {message}", checkedBeforeCall: true);
}
