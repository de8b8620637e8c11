using Encore.Core.Files;

namespace Encore.Core.Tests.Files;

public sealed class ShellWordTests
{
    [Theory]
    [InlineData("data/ium23", "data/ium23")]
    [InlineData("/tmp/run-1/tuned_als.ini", "/tmp/run-1/tuned_als.ini")]
    [InlineData("given:../shared/x", "given:../shared/x")]
    [InlineData("dane/użytkownicy", "dane/użytkownicy")]
    [InlineData("my data", "'my data'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME/x", "'$HOME/x'")]
    [InlineData("~/x", "'~/x'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("", "''")]
    public void Quote_PlainWordsUnchangedOthersSingleQuoted(string word, string expected) => Assert.Equal(expected, ShellWord.Quote(word));
}
