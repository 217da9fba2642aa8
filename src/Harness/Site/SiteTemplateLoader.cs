using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>Resolves <c>{{ include 'name' }}</c> to site/templates/name.scriban-html.</summary>
public sealed class SiteTemplateLoader(string templatesDirectory) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        Path.Combine(templatesDirectory, Html.Slug(templateName) + ".scriban-html");

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        File.Exists(templatePath) ? File.ReadAllText(templatePath) : throw new HarnessException($"Site template '{templatePath}' not found.");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new((string?)Load(context, callerSpan, templatePath));
}
