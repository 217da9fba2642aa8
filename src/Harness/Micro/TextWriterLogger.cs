using BenchmarkDotNet.Loggers;

namespace MaxK.Harness.Micro;

/// <summary>Sends BenchmarkDotNet's log to a <see cref="TextWriter"/> (the command's output, or nothing in tests).</summary>
public sealed class TextWriterLogger(TextWriter writer) : ILogger
{
    public string Id => nameof(TextWriterLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text) => writer.Write(text);

    public void WriteLine() => writer.WriteLine();

    public void WriteLine(LogKind logKind, string text) => writer.WriteLine(text);

    public void Flush() => writer.Flush();
}
