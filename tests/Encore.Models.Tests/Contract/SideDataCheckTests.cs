using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Hierarchy;

namespace Encore.Models.Tests.Contract;

/// <summary>
/// <see cref="SideDataCheck"/>: affinity needs content vectors; friends without links degrades to popularity; hierarchy
/// without any album / artist / genre link degrades to a track mean; the rest need nothing.
/// </summary>
public sealed class SideDataCheckTests
{
    private static readonly CsrMatrix Matrix = CsrMatrix.FromTriples(2, 3, [0, 1], [0, 2], [1f, 1f], DuplicatePolicy.Sum);

    [Fact]
    public void Check_AffinityWithoutContent_IsRequired()
    {
        var gap = SideDataCheck.Check("Affinity", TrainingData.FromMatrix(Matrix));

        Assert.NotNull(gap);
        Assert.True(gap.Required);
        Assert.Equal("affinity", gap.Model);
    }

    [Fact]
    public void Check_FriendsWithoutLinksOrWithEmptyLinks_DegradesButIsNotRequired()
    {
        var empty = new CsrMatrix(2, 2, new int[3], [], []);
        var withEmptyLinks = new TrainingData(Matrix, TrainingData.FromMatrix(Matrix).Users, TrainingData.FromMatrix(Matrix).Items)
        { Side = new SideInformation(empty, null) };

        Assert.False(SideDataCheck.Check("friends", TrainingData.FromMatrix(Matrix))!.Required);
        Assert.False(SideDataCheck.Check("friends", withEmptyLinks)!.Required);
    }

    [Fact]
    public void Check_FriendsWithLinks_HasNoGap()
    {
        var links = CsrMatrix.FromTriples(2, 2, [0, 1], [1, 0], [1f, 1f], DuplicatePolicy.Sum);
        var data = new TrainingData(Matrix, TrainingData.FromMatrix(Matrix).Users, TrainingData.FromMatrix(Matrix).Items)
        { Side = new SideInformation(links, null) };

        Assert.Null(SideDataCheck.Check("friends", data));
    }

    [Fact]
    public void Check_HierarchyOnTheMatrixAlone_NotesTheMissingLevelsAndTheModelsToUse()
    {
        var gap = SideDataCheck.Check("Hierarchy", TrainingData.FromMatrix(Matrix));

        Assert.NotNull(gap);
        Assert.False(gap.Required);
        Assert.Contains("no album, artist or genre links", gap.Message, StringComparison.Ordinal);
        Assert.Contains("use item-knn, rp3beta or als", gap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HierarchyWithACatalogueWithoutLinks_NotesTheMissingLevels() =>
        Assert.False(SideDataCheck.Check("hierarchy", WithCatalogue(artists: [-1, -1, -1], artistCount: 0))!.Required);

    [Fact]
    public void Check_HierarchyWithOneArtistLink_HasNoGap() =>
        Assert.Null(SideDataCheck.Check("hierarchy", WithCatalogue(artists: [-1, 0, -1], artistCount: 1)));

    // The 2 x 3 matrix with a catalogue whose only possible links are the given track -> artist ones (no albums, no genres).
    private static TrainingData WithCatalogue(int[] artists, int artistCount)
    {
        var catalogue = new HierarchyCatalogue([-1, -1, -1], artists, new int[4], [], 0, artistCount, 0);
        var ratings = HierarchyRatings.Build(2, catalogue, [0, 1], [HierarchyLevel.Track, HierarchyLevel.Track], [0, 2], [1f, 1f]);
        var plain = TrainingData.FromMatrix(Matrix);
        return new TrainingData(Matrix, plain.Users, plain.Items) { Hierarchy = new HierarchyInput(catalogue, ratings, null) };
    }

    [Theory]
    [InlineData("popularity")]
    [InlineData("als")]
    [InlineData("item-knn")]
    public void Check_MatrixOnlyModel_HasNoGap(string model) =>
        Assert.Null(SideDataCheck.Check(model, TrainingData.FromMatrix(Matrix)));
}
