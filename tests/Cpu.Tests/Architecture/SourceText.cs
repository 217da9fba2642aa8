using System.Text.RegularExpressions;
using MaxK.Tests.Site;

namespace MaxK.Tests.Architecture;

/// <summary>C# sources of the repository as text, with comments and literals told apart from code (good enough for layout rules).</summary>
internal static partial class SourceText
{
    /// <summary>Every .cs file under <c>src/&lt;project&gt;</c> (build outputs left out), as (path relative to the project, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string project)
    {
        var root = Path.Combine(SiteTestData.RepoRoot, "src", project);
        return [.. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))))];
    }

    /// <summary>The code only: comments removed, the contents of string and char literals emptied.</summary>
    public static string Code(string text) => Comment().Replace(Literals(text, _ => ""), " ");

    /// <summary>The contents of every string literal (regular, verbatim, interpolated and raw), in order.</summary>
    public static IReadOnlyList<string> StringLiterals(string text)
    {
        var found = new List<string>();
        Literals(Comment().Replace(text, " "), s => { found.Add(s); return ""; });
        return found;
    }

    /// <summary>Replaces the contents of raw, then regular/verbatim/interpolated string literals and char literals.</summary>
    private static string Literals(string text, Func<string, string> replace)
    {
        text = RawString().Replace(text, m => "\"\"\"" + replace(m.Groups["body"].Value) + "\"\"\"");
        text = CharLiteral().Replace(text, "' '");
        return StringLiteral().Replace(text, m => "\"" + replace(m.Groups["body"].Value) + "\"");
    }

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Comment();

    [GeneratedRegex("\"\"\"(?<body>[\\s\\S]*?)\"\"\"")]
    private static partial Regex RawString();

    [GeneratedRegex(@"'(?:\\.|[^'\\\n])'")]
    private static partial Regex CharLiteral();

    [GeneratedRegex("@?\\$?@?\"(?<body>(?:\\\\.|\"\"|[^\"\\\\\\n])*)\"")]
    private static partial Regex StringLiteral();
}
