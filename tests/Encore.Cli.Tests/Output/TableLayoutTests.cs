using Encore.Cli.Commands;
using Encore.Cli.Output;
using Spectre.Console;

namespace Encore.Cli.Tests.Output;

/// <summary>
/// Two layout faults of session 24's trial: a table title longer than its table wrapped mid-sentence over two centred
/// lines (`encore score`: "als: scores of 5 candidates" / "for u1"), and the score column mixed forms (0.0199 above
/// -2.94E-14), so its decimal points did not line up.
/// </summary>
public sealed class TableLayoutTests
{
    [Fact]
    public void ToSpectre_TitleLongerThanTheTable_StaysOnOneLineAboveIt()
    {
        var table = new TextTable("als: scores of 5 candidates for u1, a title longer than the table", "rank", "score");
        table.Add("1", "0.5");

        var lines = Render(table);

        Assert.Equal("als: scores of 5 candidates for u1, a title longer than the table", lines[0].TrimEnd());
        Assert.StartsWith("┌", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreColumn_MixedMagnitudes_SameDecimalsAndNoSignedZero()
    {
        float[] scores = [0.0199f, 0.00254f, -2.94e-14f, -0.000202f, -0.0024f];

        var decimals = ScoreCommand.ScoreDecimals(scores);
        var cells = scores.Select(s => ScoreCommand.Fixed(s, decimals)).ToArray();

        Assert.Equal(4, decimals); // three significant digits of the largest, 0.0199
        Assert.Equal(["0.0199", "0.0025", "0.0000", "-0.0002", "-0.0024"], cells);
        Assert.Single(cells.Select(c => c.Length - c.IndexOf('.', StringComparison.Ordinal)).Distinct());
    }

    [Theory]
    [InlineData(12.3f, 3)]
    [InlineData(0.5f, 3)]
    [InlineData(0.0004f, 6)]
    [InlineData(1e-12f, 8)]
    [InlineData(0f, 3)]
    public void ScoreDecimals_ThreeSignificantDigitsOfTheLargest_Within3To8(float largest, int expected)
    {
        Assert.Equal(expected, ScoreCommand.ScoreDecimals([largest, largest / 10, float.NaN]));
    }

    [Fact]
    public void Fixed_NaN_PrintsADash()
    {
        Assert.Equal("-", ScoreCommand.Fixed(float.NaN, 4));
    }

    private static string[] Render(TextTable table)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 200;
        console.Write(table.ToSpectre());
        return writer.ToString().Split('\n');
    }
}
