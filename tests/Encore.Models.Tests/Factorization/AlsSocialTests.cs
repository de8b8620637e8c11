using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Kernels;
using Encore.Models.Tests.Contract;
using Encore.Models.Tests.Social;

namespace Encore.Models.Tests.Factorization;

/// <summary>The model contract for ALS with social regularisation over the planted blocks with in-group friends.</summary>
public sealed class AlsSocialContractTests : RecommenderContractTests
{
    protected override TrainingData CreateData() => PlantedFriends.Create();

    protected override IRecommenderTrainer CreateTrainer() => new AlsTrainer(new AlsOptions { Factors = 8, Iterations = 8, Social = 5, Seed = 3 });
}

/// <summary>Social ALS (<see cref="AlsOptions.Social"/>, <see cref="SocialRegularization"/>).</summary>
public sealed class AlsSocialTests
{
    [Theory]
    [InlineData(AlsSolver.ConjugateGradient, 0.0)]
    [InlineData(AlsSolver.ConjugateGradient, 0.7)]
    [InlineData(AlsSolver.Cholesky, 0.0)]
    public void Fit_SigmaZeroWithLinks_IsPlainAlsBitForBit(AlsSolver solver, double nu)
    {
        var friends = PlantedFriends.Create();
        var plain = Fit(friends.WithSide(null), new AlsOptions { Factors = 8, Iterations = 4, Solver = solver, FrequencyScaling = nu, Threads = 2 });
        var zero = Fit(friends, new AlsOptions { Factors = 8, Iterations = 4, Solver = solver, FrequencyScaling = nu, Threads = 2, Social = 0 });

        Assert.Equal(plain.UserFactors.ToArray(), zero.UserFactors.ToArray());
        Assert.Equal(plain.ItemFactors.ToArray(), zero.ItemFactors.ToArray());
    }

    [Fact]
    public void Fit_SigmaWithoutLinks_IsPlainAls()
    {
        var data = PlantedBlocks.Create();
        var plain = Fit(data, new AlsOptions { Factors = 8, Iterations = 4, Threads = 1 });
        var social = Fit(data, new AlsOptions { Factors = 8, Iterations = 4, Threads = 1, Social = 20 });

        Assert.Equal(plain.ItemFactors.ToArray(), social.ItemFactors.ToArray());
    }

    [Theory]
    [InlineData(AlsSolver.ConjugateGradient)]
    [InlineData(AlsSolver.Cholesky)]
    public void Fit_UserWithOneItem_IsPulledToTheFriendsTaste(AlsSolver solver)
    {
        // The empty user of group 0 gets one item of block 1 and ten friends in group 0: alone their factors point at
        // block 1; with the friends' pull, block 0 (what the friends play) comes first.
        var (data, target) = OneItemUserWithGroupZeroFriends();
        var options = new AlsOptions { Factors = 8, Iterations = 10, Regularization = 1, Alpha = 2, Solver = solver, CgSteps = 8, Threads = 1, Seed = 4 };

        var alone = BlockZeroShareOfTopTen(Fit(data, options), target);
        var pulled = BlockZeroShareOfTopTen(Fit(data, options with { Social = 20 }), target);

        Assert.True(alone <= 2, $"without the social term {alone} of the top 10 were block-0 items");
        Assert.True(pulled >= 8, $"with the social term only {pulled} of the top 10 were block-0 items");
    }

    [Fact]
    public void Fit_Social_DoesNotDependOnTheThreadCount()
    {
        var data = PlantedFriends.Create();
        var one = Fit(data, new AlsOptions { Factors = 8, Iterations = 4, Social = 5, Threads = 1 });
        var two = Fit(data, new AlsOptions { Factors = 8, Iterations = 4, Social = 5, Threads = 2 });

        Assert.Equal(one.UserFactors.ToArray(), two.UserFactors.ToArray());
        Assert.Equal(one.ItemFactors.ToArray(), two.ItemFactors.ToArray());
    }

    [Fact]
    public void HalfStep_Cholesky_SolvesTheShiftedNormalEquations()
    {
        // Each linked row: (Y^T C_u Y + (lambda + sigma) I) x_u = Y^T C_u p_u + sigma m_u, m_u the mean of the friends'
        // rows before the step; unlinked rows: the plain system. Checked in double against the row's residual.
        const int d = 6, rows = 40;
        const float lambda = 0.3f, alpha = 2f, sigma = 4f;
        var (matrix, fixedFactors, start) = AlsHalfStepTests.Problem(rows, columns: 30, d);
        var links = CsrMatrix.FromTriples(rows, rows, [1, 1, 2, 5, 5, 5], [0, 3, 2, 1, 7, 9], [1f, 1f, 1f, 1f, 1f, 1f]);
        var social = new SocialRegularization(links, d, sigma);
        var solved = (float[])start.Clone();
        var options = new AlsOptions { Factors = d, Regularization = lambda, Alpha = alpha, Solver = AlsSolver.Cholesky, Threads = 2 };

        AlsHalfStep.Run(matrix, solved, fixedFactors, d, options, new GramBuffers(d), social, CancellationToken.None);

        Assert.Equal(0, social.FriendCount(2)); // a self-link only
        foreach (var row in new[] { 0, 1, 2, 5 })
        {
            int[] friends = row switch { 1 => [0, 3], 5 => [1, 7, 9], _ => [] };
            var shift = new double[d];
            foreach (var f in friends)
                for (var k = 0; k < d; k++) shift[k] += sigma * start[f * d + k] / friends.Length;
            var diagonal = lambda + (friends.Length > 0 ? sigma : 0);
            var residual = Residual(matrix, fixedFactors, d, row, alpha, diagonal, shift, solved.AsSpan(row * d, d));
            Assert.True(residual < 1e-3, $"row {row}: |A x - b| = {residual}");
        }
    }

    [Fact]
    public void Options_NegativeSigma_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new AlsOptions { Social = -1 });

    private static AlsModel Fit(TrainingData data, AlsOptions options) => new AlsTrainer(options).Fit(data);

    // |A x - b| with A = sum over all columns of c y y^T + diagonal I, b = sum c p y + shift, in double.
    private static double Residual(CsrMatrix matrix, float[] factors, int d, int row, float alpha, double diagonal, double[] shift, ReadOnlySpan<float> x)
    {
        var a = new double[d, d];
        var b = (double[])shift.Clone();
        for (var column = 0; column < factors.Length / d; column++)
        {
            var value = matrix.Get(row, column);
            var c = value > 0 ? 1 + alpha * value : 1;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++) a[i, j] += c * factors[column * d + i] * factors[column * d + j];
                if (value > 0) b[i] += c * factors[column * d + i];
            }
        }
        var norm = 0.0;
        for (var i = 0; i < d; i++)
        {
            var ax = diagonal * x[i];
            for (var j = 0; j < d; j++) ax += a[i, j] * x[j];
            norm += (ax - b[i]) * (ax - b[i]);
        }
        return Math.Sqrt(norm);
    }

    private static (TrainingData Data, int Target) OneItemUserWithGroupZeroFriends()
    {
        var signal = PlantedBlocks.Create().Signal;
        var target = PlantedBlocks.EmptyUser;
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < signal.Rows; u++)
        {
            var indices = signal.RowIndices(u);
            var values = signal.RowValues(u);
            for (var k = 0; k < indices.Length; k++) { r.Add(u); c.Add(indices[k]); v.Add(values[k]); }
        }
        r.Add(target);
        c.Add(PlantedBlocks.ItemsPerBlock); // the first item of block 1
        v.Add(3);
        var matrix = CsrMatrix.FromTriples(signal.Rows, signal.Columns, [.. r], [.. c], [.. v]);
        var friends = Enumerable.Range(0, 10).ToArray();
        var links = CsrMatrix.FromTriples(signal.Rows, signal.Rows, Enumerable.Repeat(target, friends.Length).ToArray(), friends, Enumerable.Repeat(1f, friends.Length).ToArray());
        return (TrainingData.FromMatrix(matrix).WithSide(new SideInformation(links, null)), target);
    }

    private static int BlockZeroShareOfTopTen(AlsModel model, int user)
    {
        var u = model.UserVector(user).ToArray();
        var scores = Enumerable.Range(0, PlantedBlocks.ItemCount)
            .Where(i => i != PlantedBlocks.ItemsPerBlock)
            .Select(i => (Item: i, Score: Dot(u, model.ItemVector(i))))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Item).Take(10);
        return scores.Count(p => PlantedBlocks.BlockOfItem(p.Item) == 0);
    }

    private static float Dot(float[] a, ReadOnlySpan<float> b)
    {
        var s = 0f;
        for (var k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}
