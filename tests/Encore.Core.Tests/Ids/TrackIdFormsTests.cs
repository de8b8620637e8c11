using Encore.Core.Ids;

namespace Encore.Core.Tests.Ids;

public sealed class TrackIdFormsTests
{
    [Theory]
    [InlineData("4uLU6hMCjMI75M1A2tKUQC", "spotify:track:4uLU6hMCjMI75M1A2tKUQC")]
    [InlineData("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "4uLU6hMCjMI75M1A2tKUQC")]
    [InlineData("spotify:track:", null)]
    [InlineData("spotify:album:x", null)]
    [InlineData("", null)]
    public void OtherForm_SwapsBareIdAndUri(string id, string? expected) => Assert.Equal(expected, TrackIdForms.OtherForm(id));

    [Fact]
    public void TryGetTrackIndex_AcceptsBothFormsWhicheverTheMapHolds()
    {
        var bare = IdMap.FromIds(["t1", "4uLU6hMCjMI75M1A2tKUQC"]);
        var uris = IdMap.FromIds(["spotify:track:0UaMYEvWZi0ZqiDOoHU3YI"]);

        Assert.True(bare.TryGetTrackIndex("spotify:track:4uLU6hMCjMI75M1A2tKUQC", out var a));
        Assert.Equal(1, a);
        Assert.True(bare.TryGetTrackIndex("t1", out var b));
        Assert.Equal(0, b);
        Assert.True(uris.TryGetTrackIndex("0UaMYEvWZi0ZqiDOoHU3YI", out var c));
        Assert.Equal(0, c);
        Assert.False(bare.TryGetTrackIndex("spotify:track:unknown", out _));
        Assert.False(bare.TryGetTrackIndex(null, out _));
    }

    [Fact]
    public void KnownTrackIndices_KeepsKnownInOrderInEitherForm_CollectsTheUnknown()
    {
        var map = IdMap.FromIds(["t1", "4uLU6hMCjMI75M1A2tKUQC", "t3"]);
        var unknown = new List<string>();

        var known = map.KnownTrackIndices(["t3", "nope", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", null, "t1", "t3"], unknown);

        Assert.Equal([2, 1, 0, 2], known);
        Assert.Equal(["nope"], unknown);
        Assert.Empty(map.KnownTrackIndices([]));
    }
}
