using Encore.Core.Errors;
using Encore.Evaluation.Postgres;

namespace Encore.Evaluation.Tests.Runs;

/// <summary>The one-line error of a PostgreSQL location with a query parameter Npgsql does not know.</summary>
public sealed class PostgresLocationMessageTests
{
    // The CLI printed "error: '...?bogus=1': query parameter 'bogus' is not an Npgsql connection setting (Couldn't set bogus"
    // and stopped there: the runtime's " (Parameter 'bogus')" of the quoted Npgsql message was taken for the end.
    [Fact]
    public void ToConnectionString_UnknownQueryParameter_SaysSoInOneWholeSentenceWithoutThePassword()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => PostgresLocation.ToConnectionString("postgres://encore:secret@127.0.0.1:55432/encore?bogus=1"));

        var message = Guard.PlainMessage(ex);
        Assert.StartsWith("'postgres://encore:***@127.0.0.1:55432/encore?bogus=1': query parameter 'bogus' is not an Npgsql connection setting (", message, StringComparison.Ordinal);
        Assert.EndsWith(").", message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }
}
