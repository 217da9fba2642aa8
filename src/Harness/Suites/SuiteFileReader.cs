using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Suites;

/// <summary>
/// Reads a suite file (JSON, comments and trailing commas allowed; a key given twice in one object is an error). Every
/// problem is a <see cref="SuiteFormatException"/> naming the file, the line and the field: syntax errors from the
/// parser's position, semantic ones (unknown field, wrong type, unknown kernel or graph) from a line map of the document.
/// The suite's name becomes a file name (result, journal), so it is restricted to <see cref="SuiteNames"/>'s alphabet.
/// </summary>
public static class SuiteFileReader
{
    public static readonly string[] Models = ["sage", "gcn", "gin"];

    public static SuiteDefinition Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"Cannot read suite file '{path}': {ex.Message}", ex);
        }
        return Parse(bytes, path);
    }

    /// <param name="file">Name used in messages.</param>
    public static SuiteDefinition Parse(byte[] utf8, string file)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SuiteFormatException(file, (int)(ex.LineNumber ?? -1) + 1, ex.Path is { Length: > 0 } p ? p.TrimStart('$', '.') : "(syntax)",
                $"not valid JSON (byte {ex.BytePositionInLine} of the line): {ex.Message}");
        }
        using (doc)
        {
            if (JsonDuplicateKeys.Find(utf8) is { } duplicate)
                throw new SuiteFormatException(file, duplicate.Line, duplicate.Path == "(root)" ? duplicate.Key : $"{duplicate.Path}.{duplicate.Key}", "is given twice in one object; give it once");
            var ctx = new Context(file, new JsonLineMap(utf8));
            var root = doc.RootElement;
            ctx.Object(root, "", ["suite", "description", "role", "seed", "sections"]);
            var name = ctx.String(root, "", "suite", required: true)!;
            if (SuiteNames.Problem(name) is { } problem)
                throw ctx.Error("suite", problem);
            var roleWord = ctx.String(root, "", "role", required: false);
            var role = roleWord is null ? RunRoles.ForSuite(name)
                : RunRoles.Parse(roleWord) ?? throw ctx.Error("role", $"'{roleWord}' is not a role; use headline, diagnostic or probe");
            var description = ctx.String(root, "", "description", required: false) ?? "";
            var seed = ctx.Long(root, "", "seed") ?? 42;
            if (seed < 0)
                throw ctx.Error("seed", "must be at least 0");
            var sections = new List<SuiteSection>();
            var array = ctx.Array(root, "", "sections", required: true)!.Value;
            var index = 0;
            foreach (var s in array.EnumerateArray())
                sections.Add(Section(ctx, s, $"sections[{index++}]"));
            if (sections.Count == 0)
                throw ctx.Error("sections", "needs at least one section");
            var dup = sections.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
                throw ctx.Error($"sections[{sections.FindLastIndex(s => s.Name == dup.Key)}].name", $"section name '{dup.Key}' is used twice");
            return new SuiteDefinition(name, description, (ulong)seed, file, Convert.ToHexStringLower(SHA256.HashData(utf8)), sections) { Role = role };
        }
    }

    private static SuiteSection Section(Context ctx, JsonElement s, string at)
    {
        ctx.Object(s, at, ["name", "kind", "requires", "device", "graphs", "dims", "ks", "kernels", "cusparse_algorithms", "runs", "warmup", "timing_protocols", "peers",
            "datasets", "models", "variants", "seeds", "epochs", "hidden", "layers", "warmup_epochs", "fallbacks", "description",
            "lr", "dropout", "weight_decay"]);
        var name = ctx.String(s, at, "name", required: true)!;
        var kindText = ctx.String(s, at, "kind", required: true)!;
        var kind = kindText switch
        {
            "kernel" => SuiteSectionKind.Kernel,
            "training" => SuiteSectionKind.Training,
            "accuracy" => SuiteSectionKind.Accuracy,
            _ => throw ctx.Error($"{at}.kind", $"'{kindText}' is not a section kind; use kernel, training or accuracy"),
        };
        var requiresWord = ctx.String(s, at, "requires", required: false);
        SectionRequirement? requires = null;
        if (requiresWord is not null)
        {
            requires = Words.TryParse<SectionRequirement>(requiresWord, out var r)
                ? r : throw ctx.Error($"{at}.requires", $"'{requiresWord}' is not a requirement; use {string.Join(" or ", Words.All<SectionRequirement>())}");
        }
        var deviceWord = ctx.String(s, at, "device", required: false);
        var device = requires == SectionRequirement.Cuda ? ComputeDevice.Cuda : ComputeDevice.Cpu;
        if (deviceWord is not null && !Words.TryParse(deviceWord, out device))
            throw ctx.Error($"{at}.device", $"'{deviceWord}' is not a device; use {string.Join(" or ", Words.All<ComputeDevice>())}");
        if (device == ComputeDevice.Cuda && requires != SectionRequirement.Cuda)
            throw ctx.Error($"{at}.requires", "a section on device cuda must say \"requires\": \"cuda\"");
        var section = new SuiteSection { Name = name, Kind = kind, Requires = requires, Device = device };
        return kind == SuiteSectionKind.Kernel ? section with { Kernel = KernelSpec(ctx, s, at, device) } : section with { Training = TrainingSpec(ctx, s, at, device) };
    }

    private static KernelSectionSpec KernelSpec(Context ctx, JsonElement s, string at, ComputeDevice device)
    {
        var graphs = ctx.Strings(s, at, "graphs", required: true);
        for (var i = 0; i < graphs.Count; i++)
        {
            if (!SpecGraphSource.IsValid(graphs[i], out var problem))
                throw ctx.Error($"{at}.graphs[{i}]", problem);
        }
        var dims = ctx.Ints(s, at, "dims", required: false, min: 32);
        if (dims.Count == 0)
            dims = [256];
        var ks = ctx.Ints(s, at, "ks", required: true, min: 1);
        var allowed = KernelCatalog.Ids(device);
        var kernels = ctx.Strings(s, at, "kernels", required: false).ToList();
        if (kernels.Count == 0)
            kernels = [.. allowed.Where(k => KernelCatalog.Get(k).SelectedByDefault)]; // baselines and floors only when listed
        for (var i = 0; i < kernels.Count; i++)
        {
            if (!allowed.Contains(kernels[i]))
                throw ctx.Error($"{at}.kernels[{i}]", $"'{kernels[i]}' is not a {device.Word()} kernel; use {string.Join(", ", allowed)}");
        }
        var algorithms = ctx.Strings(s, at, "cusparse_algorithms", required: false);
        for (var i = 0; i < algorithms.Count; i++)
        {
            if (device != ComputeDevice.Cuda)
                throw ctx.Error($"{at}.cusparse_algorithms", "cuSPARSE runs on device cuda only");
            var kernel = algorithms[i] switch
            {
                "alg2" => KernelNames.CuSparseSpmmAlg2,
                "alg3" => KernelNames.CuSparseSpmmAlg3,
                _ => throw ctx.Error($"{at}.cusparse_algorithms[{i}]", $"'{algorithms[i]}' is not a cuSPARSE SpMM algorithm; use alg2 or alg3"),
            };
            if (!kernels.Contains(kernel))
                kernels.Add(kernel);
        }
        var runs = ctx.Int(s, at, "runs") ?? (device == ComputeDevice.Cpu ? 7 : KernelSuiteOptions.DefaultRuns);
        var warmup = ctx.Int(s, at, "warmup") ?? (device == ComputeDevice.Cpu ? 1 : KernelSuiteOptions.DefaultWarmup);
        if (runs < 1)
            throw ctx.Error($"{at}.runs", "must be at least 1");
        if (warmup < 0)
            throw ctx.Error($"{at}.warmup", "must be at least 0");
        var protocolWords = ctx.Strings(s, at, "timing_protocols", required: false);
        var protocols = new List<TimingProtocol>();
        for (var i = 0; i < protocolWords.Count; i++)
        {
            if (!Words.TryParse<TimingProtocol>(protocolWords[i], out var kind) || kind == TimingProtocol.HostClock)
                throw ctx.Error($"{at}.timing_protocols[{i}]", $"'{protocolWords[i]}' is not a GPU timing protocol; use {TimingProtocol.CudaEventsL2Flushed.Word()} or {TimingProtocol.ReleasedHostMean4.Word()}");
            if (device != ComputeDevice.Cuda)
                throw ctx.Error($"{at}.timing_protocols", "timing protocols apply to device cuda only");
            if (!protocols.Contains(kind))
                protocols.Add(kind);
        }
        var peers = ctx.Strings(s, at, "peers", required: false);
        for (var i = 0; i < peers.Count; i++)
        {
            if (!KernelCatalog.PeerImplementations.Contains(peers[i]))
                throw ctx.Error($"{at}.peers[{i}]", $"'{peers[i]}' is not a peer implementation; use {string.Join(", ", KernelCatalog.PeerImplementations)}");
            if (device != ComputeDevice.Cuda)
                throw ctx.Error($"{at}.peers", "peers run on device cuda only");
        }
        return new KernelSectionSpec(graphs, dims, ks, kernels, runs, warmup)
        {
            Protocols = protocols.Count > 0 ? protocols : [TimingProtocol.CudaEventsL2Flushed],
            Peers = [.. peers.Distinct(StringComparer.Ordinal)],
        };
    }

    private static TrainingSectionSpec TrainingSpec(Context ctx, JsonElement s, string at, ComputeDevice device)
    {
        var datasets = ctx.Strings(s, at, "datasets", required: true);
        var models = ctx.Strings(s, at, "models", required: true);
        for (var i = 0; i < models.Count; i++)
        {
            if (!Models.Contains(models[i]))
                throw ctx.Error($"{at}.models[{i}]", $"'{models[i]}' is not a model; use sage, gcn or gin");
        }
        var variants = new List<TrainingVariant>();
        var array = ctx.Array(s, at, "variants", required: true)!.Value;
        var index = 0;
        foreach (var v in array.EnumerateArray())
        {
            var vat = $"{at}.variants[{index++}]";
            ctx.Object(v, vat, ["nonlinearity", "ks", "backend"]);
            var nonlinearity = ctx.String(v, vat, "nonlinearity", required: true)!;
            if (nonlinearity is not ("relu" or "maxk"))
                throw ctx.Error($"{vat}.nonlinearity", $"'{nonlinearity}' is not a nonlinearity; use relu or maxk");
            var ks = ctx.Ints(v, vat, "ks", required: nonlinearity == "maxk", min: 1);
            if (nonlinearity == "relu" && ks.Count > 0)
                throw ctx.Error($"{vat}.ks", "relu has no k");
            var backendWord = ctx.String(v, vat, "backend", required: false);
            TrainingBackend? backend = null;
            if (backendWord is not null)
            {
                backend = Words.TryParse<TrainingBackend>(backendWord, out var b)
                    ? b : throw ctx.Error($"{vat}.backend", $"'{backendWord}' is not a training backend; use {string.Join(", ", Words.All<TrainingBackend>())}");
                if (!b.RunsOn(device))
                    throw ctx.Error($"{vat}.backend", $"backend '{backendWord}' does not run on device {device.Word()}");
            }
            variants.Add(new TrainingVariant(nonlinearity, ks, backend));
        }
        if (variants.Count == 0)
            throw ctx.Error($"{at}.variants", "needs at least one variant");
        var seeds = ctx.Longs(s, at, "seeds");
        if (seeds.Count == 0)
            seeds = [97];
        int? Positive(string field)
        {
            var value = ctx.Int(s, at, field);
            return value is < 1 ? throw ctx.Error($"{at}.{field}", "must be at least 1") : value;
        }
        var warmupEpochs = ctx.Int(s, at, "warmup_epochs");
        if (warmupEpochs is < 0)
            throw ctx.Error($"{at}.warmup_epochs", "must be at least 0");
        var fallbacks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (s.TryGetProperty("fallbacks", out var f))
        {
            if (f.ValueKind != JsonValueKind.Object)
                throw ctx.Error($"{at}.fallbacks", "must be an object mapping a real dataset to its synthetic stand-in");
            foreach (var p in f.EnumerateObject())
            {
                fallbacks[p.Name] = p.Value.ValueKind == JsonValueKind.String
                    ? p.Value.GetString()!
                    : throw ctx.Error($"{at}.fallbacks.{p.Name}", "must be a dataset name (string)");
            }
        }
        return new TrainingSectionSpec(datasets, models, variants, seeds, Positive("epochs"), Positive("hidden"), Positive("layers"), warmupEpochs, fallbacks)
        {
            LearningRate = ctx.Double(s, at, "lr", min: 0, minExclusive: true, max: double.MaxValue),
            Dropout = ctx.Double(s, at, "dropout", min: 0, minExclusive: false, max: 1),
            WeightDecay = ctx.Double(s, at, "weight_decay", min: 0, minExclusive: false, max: double.MaxValue),
        };
    }

    /// <summary>Typed access to fields, every error carrying file, line and path.</summary>
    private sealed class Context(string file, JsonLineMap lines)
    {
        public SuiteFormatException Error(string path, string problem) => new(file, lines.Line(path), path, problem);

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

        public void Object(JsonElement e, string at, string[] known)
        {
            if (e.ValueKind != JsonValueKind.Object)
                throw Error(at.Length == 0 ? "(root)" : at, "must be an object");
            foreach (var p in e.EnumerateObject())
            {
                if (!known.Contains(p.Name))
                    throw Error(Join(at, p.Name), $"unknown field; known here: {string.Join(", ", known)}");
            }
        }

        public string? String(JsonElement e, string at, string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return required ? throw Error(Join(at, name), "is required") : null;
            if (v.ValueKind != JsonValueKind.String || v.GetString()!.Trim().Length == 0)
                throw Error(Join(at, name), "must be a non-empty string");
            return v.GetString()!.Trim();
        }

        public JsonElement? Array(JsonElement e, string at, string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return required ? throw Error(Join(at, name), "is required") : null;
            return v.ValueKind == JsonValueKind.Array ? v : throw Error(Join(at, name), "must be an array");
        }

        public long? Long(JsonElement e, string at, string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return null;
            return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var x) ? x : throw Error(Join(at, name), "must be an integer");
        }

        /// <summary>A finite number in [min, max] (or (min, max] when <paramref name="minExclusive"/>), or null when absent.</summary>
        public double? Double(JsonElement e, string at, string name, double min, bool minExclusive, double max)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var x) || !double.IsFinite(x))
                throw Error(Join(at, name), "must be a number");
            if (x < min || (minExclusive && x == min) || x > max)
                throw Error(Join(at, name), string.Create(CultureInfo.InvariantCulture,
                    $"{x} is outside {(minExclusive ? "(" : "[")}{min}, {(max == double.MaxValue ? "∞)" : $"{max}]")}"));
            return x;
        }

        public int? Int(JsonElement e, string at, string name)
        {
            var value = Long(e, at, name);
            return value is null ? null : value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Error(Join(at, name), "is out of range");
        }

        public IReadOnlyList<string> Strings(JsonElement e, string at, string name, bool required)
        {
            var array = Array(e, at, name, required);
            if (array is null)
                return [];
            var values = new List<string>();
            var i = 0;
            foreach (var v in array.Value.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.String || v.GetString()!.Trim().Length == 0)
                    throw Error($"{Join(at, name)}[{i}]", "must be a non-empty string");
                values.Add(v.GetString()!.Trim());
                i++;
            }
            if (required && values.Count == 0)
                throw Error(Join(at, name), "needs at least one value");
            var dup = values.GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
            return dup is null ? values : throw Error($"{Join(at, name)}[{values.LastIndexOf(dup.Key)}]", $"'{dup.Key}' is listed twice");
        }

        public IReadOnlyList<long> Longs(JsonElement e, string at, string name)
        {
            var array = Array(e, at, name, required: false);
            if (array is null)
                return [];
            var values = new List<long>();
            var i = 0;
            foreach (var v in array.Value.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var x))
                    throw Error($"{Join(at, name)}[{i}]", "must be an integer");
                values.Add(x);
                i++;
            }
            var dup = values.GroupBy(x => x).FirstOrDefault(g => g.Count() > 1);
            return dup is null ? values : throw Error($"{Join(at, name)}[{values.LastIndexOf(dup.Key)}]",
                string.Create(CultureInfo.InvariantCulture, $"{dup.Key} is listed twice"));
        }

        public IReadOnlyList<int> Ints(JsonElement e, string at, string name, bool required, int min)
        {
            var array = Array(e, at, name, required);
            if (array is null)
                return [];
            var values = Longs(e, at, name);
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] < min || values[i] > int.MaxValue)
                    throw Error($"{Join(at, name)}[{i}]", string.Create(CultureInfo.InvariantCulture, $"{values[i]} is below {min} or too large"));
            }
            return required && values.Count == 0 ? throw Error(Join(at, name), "needs at least one value") : [.. values.Select(v => (int)v)];
        }
    }
}
