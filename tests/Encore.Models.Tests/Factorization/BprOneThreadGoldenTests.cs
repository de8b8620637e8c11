using Encore.Models.Contract;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// A one-thread BPR fit pinned to figures recorded from the build before session 14's private hot items (commit b05e9e5): with
/// one worker nothing is copied, so <c>PrivateItems = 1024</c> and 0 (the default) must both give these factors bit for bit.
/// </summary>
public sealed class BprOneThreadGoldenTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(0)]
    public void Fit_OneThread_GivesTheFiguresOfTheBuildBefore(int privateItems)
    {
        var data = TrainingData.FromMatrix(BprEpochReferenceTests.RandomMatrix(200, 120, 3000, seed: 17));
        var options = new BprOptions { Factors = 24, Iterations = 7, Threads = 1, Seed = 3, LearningRate = 0.05, PrivateItems = privateItems };

        var model = new BprTrainer(options).Fit(data);

        // Sums in double, in index order (exact for a given set of floats), and two single entries.
        var items = model.ItemFactors.ToArray();
        var users = model.UserFactors.ToArray();
        Assert.Equal(GoldenItemSum, items.Sum(f => (double)f));
        Assert.Equal(GoldenUserSum, users.Sum(f => (double)f));
        Assert.Equal(GoldenItem, BitConverter.SingleToInt32Bits(items[5 * 25 + 3]));
        Assert.Equal(GoldenBias, BitConverter.SingleToInt32Bits(items[0 * 25 + 24]));
    }

    private const double GoldenItemSum = -0.9620101849477578;
    private const double GoldenUserSum = 200.82303975240302;
    private const int GoldenItem = -1138095564;
    private const int GoldenBias = 1066374041;
}
