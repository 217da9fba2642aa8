using MaxK.Naming;

namespace MaxK.Tests.CommandLine;

public class NameSuggestionsTests
{
    private static readonly string[] Suites = ["accuracy", "accuracy-seeds", "default", "floor", "paper", "peers", "smoke"];

    [Theory]
    [InlineData("smok", "smoke")]
    [InlineData("defualt", "default")] // two neighbours swapped: one edit
    [InlineData("Paper", null)] // the name itself, case aside: nothing to suggest
    [InlineData("accuracy-seed", "accuracy-seeds")]
    [InlineData("xyz", null)] // nothing close
    [InlineData("", null)]
    public void OffersOnlyACloseName(string input, string? expected) => Assert.Equal(expected, NameSuggestions.Closest(input, Suites));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void DistanceCountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected) =>
        Assert.Equal(expected, NameSuggestions.Distance(a, b));

    [Fact]
    public void DidYouMeanIsASentenceOrNothing()
    {
        Assert.Equal(" Did you mean 'floor'?", NameSuggestions.DidYouMean("flor", Suites));
        Assert.Equal("", NameSuggestions.DidYouMean("completely-different", Suites));
    }
}
