using Markdig;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// Markdown content from site/content rendered by Markdig with raw HTML disabled (so text from any source
/// renders inert) and only pipe tables and heading ids as extensions.
/// </summary>
public sealed class SiteContent(string contentDirectory)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    /// <summary>Markdown to HTML with raw HTML escaped.</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);

    /// <summary>site/content/&lt;name&gt;.md as HTML; a missing file is an error naming it.</summary>
    public string Page(string name)
    {
        var path = Path.Combine(contentDirectory, name + ".md");
        if (!File.Exists(path))
            throw new HarnessException($"Site content '{path}' not found.");
        return ToHtml(File.ReadAllText(path));
    }

    public string Directory => contentDirectory;
}
