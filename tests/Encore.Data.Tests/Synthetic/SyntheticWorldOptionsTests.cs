using Encore.Data.Synthetic;

namespace Encore.Data.Tests.Synthetic;

public sealed class SyntheticWorldOptionsTests
{
    [Fact]
    public void Validate_FewerTracksThanAlbums_ThrowsNamingTheRule()
    {
        var sut = SyntheticWorldOptions.Tiny with { Tracks = 100 }; // 60 artists x 2 albums = 120 albums

        var ex = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.Contains("Artists x AlbumsPerArtist (120)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TargetEventsBelowUsers_ThrowsNamingTargetEvents()
    {
        var sut = SyntheticWorldOptions.Tiny with { TargetEvents = 99 };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);

        Assert.Equal("TargetEvents", ex.ParamName);
    }

    [Theory]
    [InlineData("ZipfExponent")]
    [InlineData("ExplorationProbability")]
    [InlineData("MaxGenresPerUser")]
    [InlineData("CandidatesPerDraw")]
    public void Validate_OutOfRange_NamesTheOption(string option)
    {
        var sut = option switch
        {
            "ZipfExponent" => SyntheticWorldOptions.Tiny with { ZipfExponent = -1 },
            "ExplorationProbability" => SyntheticWorldOptions.Tiny with { ExplorationProbability = 1.5 },
            "MaxGenresPerUser" => SyntheticWorldOptions.Tiny with { MaxGenresPerUser = 9 }, // Tiny has 8 genres
            _ => SyntheticWorldOptions.Tiny with { CandidatesPerDraw = 0 },
        };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(sut.Validate);

        Assert.Equal(option, ex.ParamName);
        Assert.Contains(option, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_AllValid_WithDocumentedShapes()
    {
        SyntheticWorldOptions[] presets =
        [
            SyntheticWorldOptions.Tiny, SyntheticWorldOptions.Small, SyntheticWorldOptions.Demo,
            SyntheticWorldOptions.PeersSynth, SyntheticWorldOptions.LastFm360k,
        ];
        foreach (var p in presets) p.Validate();

        Assert.Equal((100, 500, 5_000L), (SyntheticWorldOptions.Tiny.Users, SyntheticWorldOptions.Tiny.Tracks, SyntheticWorldOptions.Tiny.TargetEvents));
        Assert.Equal((2_000, 10_000, 200_000L), (SyntheticWorldOptions.Small.Users, SyntheticWorldOptions.Small.Tracks, SyntheticWorldOptions.Small.TargetEvents));
        Assert.Equal((50_000, 20_000, 2_000_000L), (SyntheticWorldOptions.PeersSynth.Users, SyntheticWorldOptions.PeersSynth.Tracks, SyntheticWorldOptions.PeersSynth.TargetEvents));
        Assert.Equal((360_000, 160_000, 17_500_000L), (SyntheticWorldOptions.LastFm360k.Users, SyntheticWorldOptions.LastFm360k.Tracks, SyntheticWorldOptions.LastFm360k.TargetEvents));
        Assert.Equal(42UL, new SyntheticWorldOptions().Seed);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsBeforeGenerating()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Users = 0 }));
    }
}
