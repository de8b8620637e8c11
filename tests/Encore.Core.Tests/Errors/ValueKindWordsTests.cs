using Encore.Core.Errors;

namespace Encore.Core.Tests.Errors;

/// <summary>
/// The one map from .NET type names to words: the phrases the four former maps gave (ProblemExceptionHandler.Kind for
/// query parameters, .JsonKind for JSON bodies, ConfigurationBinding.Expected, ParseErrorText.Expected) for every
/// spelling their sources print.
/// </summary>
public sealed class ValueKindWordsTests
{
    [Theory]
    // Query / route parameters: the binder's C# keywords, nullable and array forms.
    [InlineData("int", ValueAudience.Query, "an integer")]
    [InlineData("Nullable<int>", ValueAudience.Query, "an integer")]
    [InlineData("long?", ValueAudience.Query, "an integer")]
    [InlineData("ulong", ValueAudience.Query, "an integer")]
    [InlineData("double", ValueAudience.Query, "a number")]
    [InlineData("Nullable<bool>", ValueAudience.Query, "true or false")]
    [InlineData("string", ValueAudience.Query, "a string")]
    [InlineData("string[]", ValueAudience.Query, "a list of values")]
    [InlineData("JsonElement", ValueAudience.Query, "a value of the documented form")]
    // JSON bodies: the serializer's CLR names without namespace.
    [InlineData("Int32", ValueAudience.Json, "an integer")]
    [InlineData("Int64", ValueAudience.Json, "an integer")]
    [InlineData("Byte", ValueAudience.Json, "an integer")]
    [InlineData("Single", ValueAudience.Json, "a number")]
    [InlineData("String", ValueAudience.Json, "a string")]
    [InlineData("Char", ValueAudience.Json, "a string")]
    [InlineData("Boolean", ValueAudience.Json, "true or false")]
    [InlineData("IReadOnlyList", ValueAudience.Json, "an array")]
    [InlineData("HashSet", ValueAudience.Json, "an array")]
    [InlineData("HistoryEntry[]", ValueAudience.Json, "an array")]
    [InlineData("IReadOnlyDictionary", ValueAudience.Json, "an object")]
    [InlineData("JsonElement", ValueAudience.Json, "the expected JSON shape")]
    // Configuration: the binder's full names.
    [InlineData("System.Int32", ValueAudience.Configuration, "a whole number between -2147483648 and 2147483647")]
    [InlineData("System.Int64", ValueAudience.Configuration, "a whole number")]
    [InlineData("System.Decimal", ValueAudience.Configuration, "a number")]
    [InlineData("System.Boolean", ValueAudience.Configuration, "true or false")]
    [InlineData("System.TimeSpan", ValueAudience.Configuration, "a duration (hh:mm:ss)")]
    [InlineData("System.Uri", ValueAudience.Configuration, "a value of the expected kind (see encore.sample.toml)")]
    // Command line: the parser's full names, nullable in the reflection form.
    [InlineData("System.Int32", ValueAudience.CommandLine, "a whole number (up to 2147483647)")]
    [InlineData("System.Nullable`1[System.Int32]", ValueAudience.CommandLine, "a whole number (up to 2147483647)")]
    [InlineData("System.Nullable`1[[System.UInt64, System.Private.CoreLib, Version=10.0.0.0]]", ValueAudience.CommandLine, "a whole number from 0 to 18446744073709551615")]
    [InlineData("System.UInt32", ValueAudience.CommandLine, "a whole number from 0 to 4294967295")]
    [InlineData("System.Int64", ValueAudience.CommandLine, "a whole number")]
    [InlineData("System.Single", ValueAudience.CommandLine, "a number such as 0.5")]
    [InlineData("System.Boolean", ValueAudience.CommandLine, "true or false")]
    [InlineData("System.TimeSpan", ValueAudience.CommandLine, "a duration such as 00:10:00")]
    [InlineData("System.Guid", ValueAudience.CommandLine, "a value of another form")]
    public void Expected_TypeNameForAudience_IsThePlainPhrase(string typeName, ValueAudience audience, string expected) =>
        Assert.Equal(expected, ValueKindWords.Expected(typeName, audience));

    // The same type in every spelling its sources print gives the same words.
    [Theory]
    [InlineData("long")]
    [InlineData("Int64")]
    [InlineData("System.Int64")]
    [InlineData("Nullable<long>")]
    [InlineData("long?")]
    [InlineData("System.Nullable`1[System.Int64]")]
    [InlineData("System.Nullable`1[[System.Int64, System.Private.CoreLib]]")]
    public void Expected_EverySpellingOfOneType_GivesOneAnswer(string typeName)
    {
        foreach (var audience in Enum.GetValues<ValueAudience>())
            Assert.Equal(ValueKindWords.Expected("System.Int64", audience), ValueKindWords.Expected(typeName, audience));
    }
}
