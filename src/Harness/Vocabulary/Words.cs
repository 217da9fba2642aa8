using System.Reflection;
using System.Text.Json.Serialization;

namespace MaxK.Harness.Vocabulary;

/// <summary>
/// The word a vocabulary enum is written as on disk and on the command line: its <see cref="JsonStringEnumMemberNameAttribute"/>.
/// That attribute is the one spelling of the word; result JSON, suite files, case ids and messages all read it from here.
/// </summary>
public static class Words
{
    /// <summary>The word of <paramref name="value"/>, e.g. "cuda" for <see cref="ComputeDevice.Cuda"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum =>
        Cache<T>.ByValue.TryGetValue(value, out var word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no such member.");

    /// <summary>The value whose word is exactly <paramref name="word"/> (ordinal, so "CUDA" is not "cuda").</summary>
    public static bool TryParse<T>(string? word, out T value)
        where T : struct, Enum =>
        Cache<T>.ByWord.TryGetValue(word ?? "", out value);

    /// <summary>Every word of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Cache<T>.Ordered;

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = [.. typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{typeof(T).Name}.{f.Name} has no word (JsonStringEnumMemberName)."))];

        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().Zip(Ordered).ToDictionary(p => p.First, p => p.Second);

        public static readonly Dictionary<string, T> ByWord = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
