using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Tests.Contract;

/// <summary><see cref="SideDataCheck"/>: affinity needs content vectors; friends without links degrades to popularity; the rest need nothing.</summary>
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

    [Theory]
    [InlineData("popularity")]
    [InlineData("als")]
    [InlineData("item-knn")]
    public void Check_MatrixOnlyModel_HasNoGap(string model) =>
        Assert.Null(SideDataCheck.Check(model, TrainingData.FromMatrix(Matrix)));
}
