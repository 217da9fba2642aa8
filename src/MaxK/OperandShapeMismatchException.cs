namespace MaxK;

/// <summary>
/// A kernel or helper received operands whose sizes disagree (for example a dense matrix whose length is not
/// rows × dim, or a CBSR matrix with a different row count than the graph).
/// </summary>
public sealed class OperandShapeMismatchException(string message) : ArgumentException(message);
