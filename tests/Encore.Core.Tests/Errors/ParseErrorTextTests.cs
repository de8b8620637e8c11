using Encore.Core.Errors;

namespace Encore.Core.Tests.Errors;

public sealed class ParseErrorTextTests
{
    [Theory]
    [InlineData("Cannot parse argument '-1' for option '--seed' as expected type 'System.UInt64'.", "--seed expects a whole number from 0 to 18446744073709551615; got '-1'.")]
    [InlineData("Cannot parse argument 'x' for option '--last' as expected type 'System.Nullable`1[System.Int32]'.", "--last expects a whole number (up to 2147483647); got 'x'.")]
    [InlineData("Cannot parse argument '1e' for option '--noise' as expected type 'System.Double'.", "--noise expects a number such as 0.5; got '1e'.")]
    [InlineData("Cannot parse argument 'y' for command 'go' as expected type 'System.Int64'.", "the argument of 'go' expects a whole number; got 'y'.")]
    [InlineData("Cannot parse argument 'z' as expected type 'System.Guid'.", "an argument expects a value of another form; got 'z'.")]
    public void Plain_TypeNames_BecomeWords(string message, string expected) => Assert.Equal(expected, ParseErrorText.Plain(message));

    [Fact]
    public void Plain_OtherMessages_AreUnchanged() =>
        Assert.Equal("Unrecognized command or argument '--nosuch'.", ParseErrorText.Plain("Unrecognized command or argument '--nosuch'."));

    [Fact]
    public void Report_EachErrorAndTheHelpPointer_ExitUsage()
    {
        using var error = new StringWriter();

        var code = ParseErrorText.Report(["Unrecognized command or argument 'x'.", "Cannot parse argument 'a' for option '--k' as expected type 'System.Int32'."], "encore train", error);

        Assert.Equal(ProcessExit.Usage, code);
        Assert.Equal(
            "error: Unrecognized command or argument 'x'.\nerror: --k expects a whole number (up to 2147483647); got 'a'.\nsee 'encore train --help' for its arguments and options.\n",
            error.ToString().ReplaceLineEndings("\n"));
    }
}
