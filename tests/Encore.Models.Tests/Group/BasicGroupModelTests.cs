using Encore.Core.Sparse;
using Encore.Models.Group;

namespace Encore.Models.Tests.Group;

/// <summary>
/// Hand-worked example (also in docs/models-group.md), 3 tracks per member:
/// u0 = {0: 5, 1: 3, 2: 2, 3: 1} -> top {0, 1, 2}; u1 = {1: 4, 2: 4, 4: 1, 5: 6} -> {5, 1, 2};
/// u2 = {0: 2, 2: 7, 6: 3} -> {2, 6, 0}; u3 = {6: 2, 7: 2, 8: 2, 9: 2} -> {6, 7, 8} (ties by index).
/// Shared: 2 (3 members, 13 plays), 0 (2, 7), 1 (2, 7; index after 0), 6 (2, 5). Pool left: {5, 7, 8}.
/// </summary>
public sealed class BasicGroupModelTests
{
    private static readonly CsrMatrix Plays = CsrMatrix.FromTriples(4, 10,
        [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3],
        [0, 1, 2, 3, 1, 2, 4, 5, 0, 2, 6, 6, 7, 8, 9],
        [5f, 3, 2, 1, 4, 4, 1, 6, 2, 7, 3, 2, 2, 2, 2]);

    [Fact]
    public void Recommend_FourSlots_AreTheSharedTracksInOrder()
    {
        var sut = new BasicGroupModel(Plays, tracksPerMember: 3);
        Assert.Equal([2, 0, 1, 6], sut.Recommend([0, 1, 2, 3], 4));
        Assert.Equal([2, 0, 1], sut.Recommend([0, 1, 2, 3], 3));
    }

    [Fact]
    public void Recommend_MoreSlots_FillsFromThePoolInSeededOrder()
    {
        var sut = new BasicGroupModel(Plays, tracksPerMember: 3, seed: 42);
        var result = sut.Recommend([0, 1, 2, 3], 10);
        Assert.Equal([2, 0, 1, 6], result[..4]);
        Assert.Equal([5, 7, 8], result[4..].Order());
        Assert.Equal(result, new BasicGroupModel(Plays, tracksPerMember: 3, seed: 42).Recommend([0, 1, 2, 3], 10));
    }

    [Fact]
    public void Recommend_OneFillSlot_TakesAPoolTrack()
    {
        var result = new BasicGroupModel(Plays, tracksPerMember: 3, seed: 7).Recommend([0, 1, 2, 3], 5);
        Assert.Equal([2, 0, 1, 6], result[..4]);
        Assert.Contains(result[4], new[] { 5, 7, 8 });
    }

    [Fact]
    public void Recommend_UnknownMember_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BasicGroupModel(Plays).Recommend([9], 5));
        Assert.Contains("Member 9", error.Message, StringComparison.Ordinal);
    }
}
