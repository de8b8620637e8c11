using Encore.Core.Randomness;
using Encore.Models.Content;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Tests.Content;

public sealed class ContentTransformTests
{
    // 200 rows in 6 columns that live (up to small noise) in a 2-D subspace.
    private static ItemFeatures TwoDimensional()
    {
        var rng = new Rng(3);
        var values = new float[200 * 6];
        for (var i = 0; i < 200; i++)
        {
            var a = rng.NextGaussian();
            var b = rng.NextGaussian();
            double[] row = [a, b, a + b, a - b, 2 * a, -b];
            for (var j = 0; j < 6; j++) values[i * 6 + j] = (float)(row[j] + 0.01 * rng.NextGaussian());
        }
        return new ItemFeatures(6, values);
    }

    [Fact]
    public void Apply_StandardiseAndL2_GivesUnitRows()
    {
        var sut = ContentTransformFitter.Fit(TwoDimensional());
        var output = new float[6];
        Assert.True(sut.Apply(TwoDimensional().Row(4), output));
        Assert.Equal(1.0, Math.Sqrt(output.Sum(v => (double)v * v)), 5);
        Assert.False(sut.UsesPca);
        Assert.Equal(1.0, sut.ExplainedVariance);
    }

    [Fact]
    public void Fit_Pca_TwoComponentsExplainAlmostAll()
    {
        var sut = ContentTransformFitter.Fit(TwoDimensional(), new ContentTransformOptions { L2Normalise = false, Components = 2 });
        Assert.True(sut.UsesPca);
        Assert.Equal(2, sut.OutputDimension);
        Assert.True(sut.ExplainedVariance > 0.99, $"explained {sut.ExplainedVariance}");
        Assert.True(sut.ExplainedVarianceRatio[0] >= sut.ExplainedVarianceRatio[1]);
    }

    [Fact]
    public void Apply_MissingRow_WritesZerosAndReturnsFalse()
    {
        var sut = ContentTransformFitter.Fit(TwoDimensional(), new ContentTransformOptions { Components = 3 });
        var output = new float[3] { 9, 9, 9 };
        Assert.False(sut.Apply([float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN], output));
        Assert.All(output, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Fit_NoContentAtAll_Throws()
    {
        var values = new float[12];
        values.AsSpan().Fill(float.NaN);
        Assert.Throws<ArgumentException>(() => ContentTransformFitter.Fit(new ItemFeatures(3, values)));
    }

    [Fact]
    public void WriteRead_RoundTrip_GivesIdenticalOutputs()
    {
        var sut = ContentTransformFitter.Fit(TwoDimensional(), new ContentTransformOptions { Components = 2 });
        using var stream = new MemoryStream();
        var writer = new ModelWriter(stream);
        sut.Write(writer);
        var reader = new ModelReader(stream.ToArray(), "test");
        var loaded = ContentTransform.Read(reader);
        var a = new float[2];
        var b = new float[2];
        sut.Apply(TwoDimensional().Row(7), a);
        loaded.Apply(TwoDimensional().Row(7), b);
        Assert.Equal(a, b);
    }
}
