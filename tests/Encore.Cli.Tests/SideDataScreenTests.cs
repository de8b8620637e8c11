using Encore.Cli.Commands;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Cli.Tests;

/// <summary>
/// <see cref="SideDataScreen"/>: what <c>evaluate</c> / <c>tune</c> with <c>all</c> keep, skip and note on a plain
/// users x items matrix (no content vectors, no friendships), and what a named model does.
/// </summary>
public sealed class SideDataScreenTests
{
    private static TrainingData Plain() =>
        TrainingData.FromMatrix(CsrMatrix.FromTriples(2, 3, [0, 1], [0, 2], [1f, 1f], DuplicatePolicy.Sum));

    [Fact]
    public void Apply_AllOnPlainData_SkipsAffinityWithAReasonAndNotesFriends()
    {
        var log = new StringWriter();

        var kept = SideDataScreen.Apply("all", ["popularity", "affinity", "friends", "als"], Plain(), log);

        Assert.Equal(["popularity", "friends", "als"], kept);
        Assert.Contains("affinity: skipped: needs track content vectors", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("friends: note: this data has no friendships", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AffinityNamedOnPlainData_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SideDataScreen.Apply("popularity,affinity", ["popularity", "affinity"], Plain(), TextWriter.Null));

        Assert.StartsWith("affinity: needs track content vectors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NothingTrainable_Throws()
    {
        Assert.Throws<ArgumentException>(() => SideDataScreen.Apply("all", ["affinity"], Plain(), TextWriter.Null));
    }
}
