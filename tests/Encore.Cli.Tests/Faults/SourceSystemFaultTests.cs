using System.Globalization;
using System.Text;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Faults a newcomer met in session 13 running the source systems S1-S5 and the evaluation tools the way their docs
/// say (the command that showed each is in its test's summary): each now exits with the documented code and a
/// message that names what was wrong and what was expected.
/// </summary>
[Collection("console")]
public sealed class SourceSystemFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-s13-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A HetRec-shaped folder (events about artists, no tracks): 6 users x 8 artists, weight u * a.</summary>
    private async Task<string> ImportArtistDatasetAsync()
    {
        var folder = Path.Combine(_dir, "hetrec");
        Directory.CreateDirectory(folder);
        var plays = new StringBuilder("userID\tartistID\tweight\n");
        for (var u = 1; u <= 6; u++)
            for (var a = 1; a <= 8; a++) plays.Append(CultureInfo.InvariantCulture, $"{u}\t{a}\t{u * a}\n");
        File.WriteAllText(Path.Combine(folder, "user_artists.dat"), plays.ToString());
        File.WriteAllText(Path.Combine(folder, "artists.dat"), "id\tname\turl\tpictureURL\n1\tA\tu\tp\n");
        var output = Path.Combine(_dir, "hetrec-ds");
        var (code, _, error) = await ConsoleCapture.RunAsync("import", "hetrec", folder, "-o", output);
        Assert.True(code == ExitCodes.Ok, error);
        return output;
    }

    /// <summary>
    /// <c>encore evaluate data/hetrec --protocol six-candidate</c> and <c>encore train data/hetrec --model hierarchy</c>
    /// said "column 45 is outside [0, 0)" (artist indices read as track indices) with exit 1.
    /// </summary>
    [Theory]
    [InlineData("evaluate", "--protocol", "six-candidate")]
    [InlineData("train", "--model", "hierarchy")]
    public async Task SixCandidate_DatasetOfArtistEvents_SaysTheEventsAreAboutArtists(string command, string option, string value)
    {
        var dataset = await ImportArtistDatasetAsync();
        string[] output = command == "train" ? ["-o", Path.Combine(_dir, "h.bin")] : ["--store", Path.Combine(_dir, "runs.db")];

        var (code, _, error) = await ConsoleCapture.RunAsync([command, dataset, option, value, .. output]);

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("field 'events'", error, StringComparison.Ordinal);
        Assert.Contains("about artists, not tracks", error, StringComparison.Ordinal);
        Assert.DoesNotContain("outside [0", error, StringComparison.Ordinal);
    }
}
