using System.Numerics.Tensors;
using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// WARP epochs: the users are shuffled once per epoch (stream Rng.Fork(Seed, 2^62 + epoch)), workers pull chunks of that
/// order, and each user visits its positives once in a shuffled order, drawing from Rng.Fork(Seed, 2^63 | epoch &lt;&lt; 32 |
/// user). So the draws do not depend on the thread count and a user's row has one writer; the item rows are updated
/// lock-free (Hogwild, Niu et al. 2011), so only Threads = 1 reproduces a seed bit for bit.
/// </summary>
internal sealed class WarpEpoch
{
    private readonly CsrMatrix _matrix;
    private readonly float[] _users;
    private readonly float[] _items;
    private readonly float[] _userSquares;
    private readonly float[] _itemSquares;
    private readonly float[] _weights;
    private readonly int _d;
    private readonly WarpOptions _options;
    private readonly int[] _order;
    private readonly double[] _userLoss;
    private readonly int[] _userMisses;
    private readonly int _longestRow;

    /// <param name="matrix">Positives (values are read only with <see cref="WarpWeighting.Value"/>).</param>
    /// <param name="users">User rows [p, 1], width d + 1.</param>
    /// <param name="items">Item rows [q, b], width d + 1.</param>
    /// <param name="weights">Per nonzero sample weight (aligned with the matrix's entries).</param>
    /// <param name="d">Latent factors.</param>
    /// <param name="options">Settings.</param>
    public WarpEpoch(CsrMatrix matrix, float[] users, float[] items, float[] weights, int d, WarpOptions options)
    {
        _matrix = matrix;
        _users = users;
        _items = items;
        _weights = weights;
        _d = d;
        _options = options;
        // LightFM's adagrad accumulators start at 1, so the first step is at most lr per parameter.
        _userSquares = new float[users.Length];
        _itemSquares = new float[items.Length];
        Array.Fill(_userSquares, 1f);
        Array.Fill(_itemSquares, 1f);
        _order = BprUserEpoch.ActiveUsers(matrix);
        _userLoss = new double[matrix.Rows];
        _userMisses = new int[matrix.Rows];
        for (var u = 0; u < matrix.Rows; u++) _longestRow = Math.Max(_longestRow, matrix.RowLength(u));
    }

    /// <summary>One epoch; returns the mean weighted hinge L (1 - s_ui + s_uj) per positive and the share of positives with no violating negative.</summary>
    public (double Loss, double Unviolated) Run(int epoch, CancellationToken cancellationToken)
    {
        Rng.Fork(_options.Seed, (1UL << 62) + (ulong)epoch).Shuffle(_order.AsSpan());
        ParallelLoop.For(_order.Length, _options.Threads, _ => new int[_longestRow], (start, end, positives) =>
        {
            for (var k = start; k < end; k++) User(_order[k], epoch, positives);
        }, cancellationToken, chunkSize: Math.Max(1, (_order.Length + 63) / 64));
        double loss = 0;
        long misses = 0;
        foreach (var u in _order)
        {
            loss += _userLoss[u];
            misses += _userMisses[u];
        }
        var total = (double)_matrix.NonZeros;
        return total > 0 ? (loss / total, misses / total) : (double.NaN, double.NaN);
    }

    private void User(int user, int epoch, int[] scratch)
    {
        var seen = _matrix.RowIndices(user);
        var offset = _matrix.Offsets[user];
        var width = _d + 1;
        var columns = _matrix.Columns;
        var rng = Rng.Fork(_options.Seed, (1UL << 63) | ((ulong)epoch << 32) | (uint)user);
        var order = scratch.AsSpan(0, seen.Length);
        for (var k = 0; k < order.Length; k++) order[k] = k;
        var u = _users.AsSpan(user * width, width);
        var gu = _userSquares.AsSpan(user * width, width);
        var lr = (float)_options.LearningRate;
        var reg = (float)_options.Regularization;
        double loss = 0;
        var misses = 0;
        for (var k = 0; k < order.Length; k++)
        {
            // Lazy Fisher-Yates: the k-th positive of a shuffled order.
            var r = k + rng.NextInt(order.Length - k);
            (order[k], order[r]) = (order[r], order[k]);
            var entry = order[k];
            var i = seen[entry];
            var q = _items.AsSpan(i * width, width);
            var positiveScore = TensorPrimitives.Dot((ReadOnlySpan<float>)u, q);
            var j = WarpSampler.FindViolator(ref rng, seen, _items, u, columns, _options.MaxSampled, positiveScore, out var draws, out var negativeScore);
            if (j < 0)
            {
                misses++;
                continue;
            }
            var weight = WarpRank.Loss(_weights[offset + entry], columns, draws);
            loss += weight * (1.0 + negativeScore - positiveScore);
            WarpStep.Apply(u, gu, q, _itemSquares.AsSpan(i * width, width), _items.AsSpan(j * width, width), _itemSquares.AsSpan(j * width, width),
                _d, weight, lr, reg);
        }
        _userLoss[user] = loss;
        _userMisses[user] = misses;
    }
}
