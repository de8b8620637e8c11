using Encore.Cli.Commands;
using Encore.Data.Aggregation;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// A value out of range must be named with its option and say what is wrong (session 21's new-user trial):
/// <c>--confidence log:-1</c> printed "alpha must be >= 0 (got -1)" without naming <c>--confidence</c>, and
/// <c>--seeds 5-1</c> was "expected a number or a range like 101-110" for what is a range, only reversed.
/// </summary>
[Collection("console")]
public sealed class OptionValueMessageTests
{
    [Theory]
    [InlineData("log:-1", "'log:-1': alpha must be >= 0 (got -1)")]
    [InlineData("linear:-2", "'linear:-2':")]
    public void ConfidenceNames_NumberOutOfRange_IsAFormatErrorNamingTheText(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ConfidenceTransformNames.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_ConfidenceOutOfRange_NamesTheOption()
    {
        var (code, _, error) = await ConsoleCapture.RunAsync("train", "no-such-folder", "--model", "als", "--confidence", "log:-1", "-o", "m.bin");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--confidence 'log:-1': alpha must be >= 0", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5-1", "--seeds item '5-1': the range runs backwards; write 1-5.")]
    [InlineData("1-20000", "--seeds item '1-20000': more than 10,000 seeds")]
    [InlineData("x", "--seeds item 'x': expected a number or a range like 101-110.")]
    public void ParseSeeds_BadItem_SaysWhatIsWrongWithIt(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BanditSimulateCommand.ParseSeeds(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSeeds_NumbersAndRanges_InOrder() => Assert.Equal([1UL, 4, 5, 6], BanditSimulateCommand.ParseSeeds("1, 4-6"));
}

/// <summary>
/// <c>encore synth --users 1 --tracks 1</c> failed naming settings the command line does not have ("Artists x
/// AlbumsPerArtist (3000)"); a smaller catalogue now gets fewer artists and albums, and too few events name --events.
/// </summary>
public sealed class SynthSizeOptionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(2_999)]
    public void Options_TracksBelowThePresetsAlbums_ShrinksArtistsAndAlbumsToFit(int tracks)
    {
        var options = SynthCommand.Options("demo", 42, tracks: tracks);

        options.Validate();
        Assert.Equal(tracks, options.Tracks);
        Assert.True((long)options.Artists * options.AlbumsPerArtist <= tracks);
    }

    [Fact]
    public void Options_TracksAboveThePresetsAlbums_KeepsItsArtistsAndAlbums()
    {
        var preset = SynthCommand.Options("demo", 42);
        var options = SynthCommand.Options("demo", 42, tracks: 50_000);

        Assert.Equal((preset.Artists, preset.AlbumsPerArtist, 50_000), (options.Artists, options.AlbumsPerArtist, options.Tracks));
    }

    [Theory]
    [InlineData(5, 3L, "--events (3) must be at least --users (5)")]
    [InlineData(300_000, null, "--events (200,000, the demo preset's) must be at least --users (300,000)")]
    public void Options_FewerEventsThanUsers_NamesTheOptions(int users, long? events, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SynthCommand.Options("demo", 42, users, events: events));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
