using System.CommandLine;
using MaxK.Harness.Results;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk results validate</c>: checks result files against the versioned schema.</summary>
public static class ResultsCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Result files or folders (default: results).", Arity = ArgumentArity.ZeroOrMore };
        var validate = new Command("validate", $"Validates result files against the {RunResult.CurrentSchema} JSON Schema; exit 1 if any is invalid.") { paths };
        validate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["results"];
            var files = new List<string>();
            foreach (var path in given)
            {
                if (Directory.Exists(path))
                    files.AddRange(ResultSchemaValidator.ResultFiles(path));
                else if (File.Exists(path))
                    files.Add(path);
                else
                    throw new HarnessException($"'{path}' is neither a result file nor a folder.");
            }
            var invalid = 0;
            foreach (var file in files)
            {
                var problems = ResultSchemaValidator.Validate(file);
                if (problems.Count == 0)
                    continue;
                invalid++;
                foreach (var problem in problems.Take(20))
                    output.WriteLine(problem);
            }
            output.WriteLine($"{files.Count - invalid} of {files.Count} result file(s) valid against {RunResult.CurrentSchema}.");
            return invalid == 0 ? 0 : 1;
        });
        return new Command("results", "Result files: validation.") { validate };
    }
}
