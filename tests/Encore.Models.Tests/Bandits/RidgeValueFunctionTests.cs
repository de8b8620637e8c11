using Encore.Core.Randomness;
using Encore.Models.Bandits;

namespace Encore.Models.Tests.Bandits;

public sealed class RidgeValueFunctionTests
{
    [Fact]
    public void Update_ShermanMorrison_KeepsTheInverseOfLambdaIPlusXtX()
    {
        const int d = 5;
        var sut = new RidgeValueFunction(d, regularization: 2);
        var a = new double[d * d];
        for (var i = 0; i < d; i++) a[i * d + i] = 2;
        var rng = new Rng(1);
        var x = new float[d];
        for (var t = 0; t < 40; t++)
        {
            for (var j = 0; j < d; j++) x[j] = (float)rng.NextGaussian();
            sut.Update(x, rng.NextDouble());
            for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++) a[i * d + j] += x[i] * x[j];
        }
        var inverse = sut.Inverse;
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                double s = 0;
                for (var k = 0; k < d; k++) s += a[i * d + k] * inverse[k * d + j];
                Assert.Equal(i == j ? 1.0 : 0.0, s, 6);
            }
        Assert.Equal(40, sut.Updates);
    }

    [Fact]
    public void Update_NoiselessLinearRewards_RecoversTheta()
    {
        float[] truth = [0.5f, -1f, 2f];
        var sut = new RidgeValueFunction(3, regularization: 1e-3);
        var rng = new Rng(2);
        var x = new float[3];
        for (var t = 0; t < 200; t++)
        {
            for (var j = 0; j < 3; j++) x[j] = (float)rng.NextGaussian();
            sut.Update(x, truth[0] * x[0] + truth[1] * x[1] + truth[2] * x[2]);
        }
        for (var j = 0; j < 3; j++) Assert.Equal(truth[j], sut.Theta[j], 3);
        Assert.Equal(0.5f, sut.Predict([1, 0, 0]), 3);
    }

    [Fact]
    public void Variance_ShrinksAlongObservedDirections()
    {
        var sut = new RidgeValueFunction(2);
        var scratch = new float[2];
        for (var t = 0; t < 10; t++) sut.Update([1, 0], 1);
        Assert.True(sut.Variance([1, 0], scratch) < 0.1f);
        Assert.Equal(1f, sut.Variance([0, 1], scratch), 5);
    }

    [Fact]
    public void Update_WrongWidthOrNaN_Throws()
    {
        var sut = new RidgeValueFunction(2);
        Assert.Throws<ArgumentException>(() => sut.Update([1, 2, 3], 1));
        Assert.Throws<ArgumentException>(() => sut.Update([1, 2], double.NaN));
    }

    [Fact]
    public void Restore_FromStoredArrays_PredictsTheSame()
    {
        var sut = new RidgeValueFunction(3);
        sut.Update([1, 2, 3], 1);
        sut.Update([0, 1, 0], -1);
        var restored = RidgeValueFunction.Restore(3, 1, sut.Inverse.ToArray(), sut.B.ToArray(), sut.Updates, sut.RewardSum);
        Assert.Equal(sut.Predict([1, 1, 1]), restored.Predict([1, 1, 1]));
        Assert.Equal(sut.Updates, restored.Updates);
    }
}
