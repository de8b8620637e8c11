using Encore.Core.Randomness;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

public sealed class BprUpdateTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(64)]
    public void Apply_VectorLanes_EqualScalarFormulaExactly(int d)
    {
        var (u, i, j) = Vectors(d);
        float[] eu = [.. u], ei = [.. i], ej = [.. j];
        const float z = 0.3f, lr = 0.05f, reg = 0.01f;
        for (var f = 0; f < d; f++)
        {
            var uf = eu[f];
            var diff = ei[f] - ej[f];
            eu[f] = uf + lr * (z * diff - reg * uf);
            ei[f] = ei[f] + lr * (z * uf - reg * ei[f]);
            ej[f] = ej[f] + lr * (-z * uf - reg * ej[f]);
        }
        ei[d] += lr * (z - reg * ei[d]);
        ej[d] += lr * (-z - reg * ej[d]);

        BprUpdate.Apply(u, i, j, d, z, lr, reg);

        Assert.Equal(eu, u);
        Assert.Equal(ei, i);
        Assert.Equal(ej, j);
    }

    [Fact]
    public void Score_NineEntries_EqualsDotOfDifference()
    {
        var (u, i, j) = Vectors(8);
        double expected = 0;
        for (var f = 0; f < 9; f++) expected += (double)u[f] * (i[f] - j[f]);
        Assert.Equal(expected, BprUpdate.Score(u, i, j), 5);
    }

    private static (float[] U, float[] I, float[] J) Vectors(int d)
    {
        var rng = new Rng(4);
        var u = new float[d + 1];
        var i = new float[d + 1];
        var j = new float[d + 1];
        for (var f = 0; f <= d; f++)
        {
            u[f] = rng.NextFloat() - 0.5f;
            i[f] = rng.NextFloat() - 0.5f;
            j[f] = rng.NextFloat() - 0.5f;
        }
        u[d] = 1f;
        return (u, i, j);
    }
}
