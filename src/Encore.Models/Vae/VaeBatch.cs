using System.Numerics.Tensors;
using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Vae;

/// <summary>
/// One mini-batch of users through the autoencoder, forward and backward, on buffers allocated once for the largest
/// batch (nothing is allocated per step). <see cref="Load"/> takes the users' rows (input L2-normalised per user, then
/// dropout) and draws the reparameterisation noise; <see cref="Compute"/> then returns the batch's mean loss
/// (1/n) sum_u [ -sum_i x_ui log softmax_i(f(x_u)) + beta KL(q(z|x_u) || N(0, I)) ] and writes its exact gradient with
/// respect to every parameter into the gradient set. Shapes: n users, k items, h hidden, l latent, q = 2l or l.
/// </summary>
internal sealed class VaeBatch
{
    private readonly VaeParameters _p;
    private readonly VaeParameters _g;
    private readonly bool _variational;
    private readonly int _threads;
    private readonly int _maxUsers;

    // The batch's sparse rows: entries [RowStart[b], RowStart[b+1]) with their item columns, raw values x (the likelihood's
    // weights) and the encoder's input (normalised, dropped out).
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly float[] _targets;
    private readonly float[] _inputs;
    private readonly float[] _rowTotals;

    private readonly float[] _h1, _q, _eps, _z, _h2, _logits, _dH2, _dZ, _dQ, _dH1;
    private readonly double[] _rowLoss;
    private readonly Action<int, int> _encodeRows, _softmaxRows;
    private int _count;
    private float _beta;

    public VaeBatch(VaeParameters parameters, VaeParameters gradient, int maxUsers, int maxEntries, int threads)
    {
        _p = parameters;
        _g = gradient;
        _variational = parameters.Code == 2 * parameters.Latent;
        _threads = threads;
        _maxUsers = maxUsers;
        int h = parameters.Hidden, l = parameters.Latent, q = parameters.Code, k = parameters.Items;
        _rowStart = new int[maxUsers + 1];
        _columns = new int[maxEntries];
        _targets = new float[maxEntries];
        _inputs = new float[maxEntries];
        _rowTotals = new float[maxUsers];
        _h1 = new float[maxUsers * h];
        _q = new float[maxUsers * q];
        _eps = new float[maxUsers * l];
        _z = new float[maxUsers * l];
        _h2 = new float[maxUsers * h];
        _logits = new float[maxUsers * k];
        _dH2 = new float[maxUsers * h];
        _dZ = new float[maxUsers * l];
        _dQ = new float[maxUsers * q];
        _dH1 = new float[maxUsers * h];
        _rowLoss = new double[maxUsers];
        // Created once: a lambda per step would allocate a delegate per step.
        _encodeRows = EncodeRows;
        _softmaxRows = SoftmaxRows;
    }

    /// <summary>Users in the loaded batch.</summary>
    public int Count => _count;

    /// <summary>
    /// Loads rows <paramref name="users"/> of <paramref name="x"/> (users x k, positive values): each kept entry's input is
    /// x_ui / ||x_u||_2 / (1 - dropout), each dropped entry's 0 (one uniform draw per entry from <paramref name="rng"/>);
    /// then, when <paramref name="sample"/>, one standard normal draw per latent unit and user (the reparameterisation's
    /// noise; otherwise z is the mean). Draws happen in row order on the calling thread, so a seed fixes them.
    /// </summary>
    /// <exception cref="ArgumentException">More users or entries than the buffers were made for.</exception>
    public void Load(CsrMatrix x, ReadOnlySpan<int> users, float dropout, bool sample, ref Rng rng)
    {
        if (users.Length > _maxUsers) throw new ArgumentException($"Batch of {users.Length} users, buffers for {_maxUsers}.", nameof(users));
        var keep = 1f - dropout;
        var at = 0;
        for (var b = 0; b < users.Length; b++)
        {
            _rowStart[b] = at;
            var columns = x.RowIndices(users[b]);
            var values = x.RowValues(users[b]);
            if (at + columns.Length > _columns.Length) throw new ArgumentException($"Batch holds more than {_columns.Length} entries.", nameof(users));
            var norm = TensorPrimitives.Norm(values);
            var scale = norm > 0 ? 1f / (norm * keep) : 0f;
            for (var p = 0; p < columns.Length; p++, at++)
            {
                _columns[at] = columns[p];
                _targets[at] = values[p];
                var kept = dropout == 0f || rng.NextFloat() >= dropout;
                _inputs[at] = kept ? values[p] * scale : 0f;
            }
            _rowTotals[b] = TensorPrimitives.Sum(values);
        }
        _rowStart[users.Length] = at;
        _count = users.Length;
        var noise = _eps.AsSpan(0, users.Length * _p.Latent);
        if (!sample || !_variational)
        {
            noise.Clear();
            return;
        }
        for (var i = 0; i < noise.Length; i++) noise[i] = (float)rng.NextGaussian();
    }

    /// <summary>
    /// Forward and backward pass of the loaded batch with KL weight <paramref name="beta"/> (ignored for Mult-DAE): returns
    /// the mean loss per user and, when <paramref name="gradient"/>, overwrites the gradient set with d(mean loss)/d(parameter).
    /// </summary>
    public double Compute(float beta, bool gradient = true)
    {
        var n = _count;
        if (n == 0) return 0;
        _beta = beta;
        int h = _p.Hidden, l = _p.Latent, q = _p.Code, k = _p.Items;

        // Encoder: h1 = tanh(x W1 + b1), the sparse row times W1 row by row.
        ParallelLoop.For(n, _threads, _encodeRows);
        DenseProduct.Multiply(false, false, _h1, _p.Wq, _q, n, q, h, _threads);
        AddBias(_q, _p.Bq, n);
        var kl = Code(n);
        DenseProduct.Multiply(false, false, _z, _p.Wd1, _h2, n, h, l, _threads);
        AddBias(_h2, _p.Bd1, n);
        TensorPrimitives.Tanh(_h2.AsSpan(0, n * h), _h2.AsSpan(0, n * h));
        DenseProduct.Multiply(false, false, _h2, _p.Wd2, _logits, n, k, h, _threads);
        AddBias(_logits, _p.Bd2, n);
        // Softmax rows: the loss per user, and the logits become d(mean loss)/d(logit) = (sum_i x_ui softmax - x_u) / n.
        ParallelLoop.For(n, _threads, _softmaxRows);
        double loss = 0;
        for (var b = 0; b < n; b++) loss += _rowLoss[b];
        loss = (loss + (_variational ? beta * kl : 0)) / n;
        if (!gradient) return loss;

        // Decoder output layer.
        DenseProduct.Multiply(true, false, _h2, _logits, _g.Wd2, h, k, n, _threads);
        SumRows(_logits, n, k, _g.Bd2);
        DenseProduct.Multiply(false, true, _logits, _p.Wd2, _dH2, n, h, k, _threads);
        TanhBackward(_dH2, _h2, n * h);
        DenseProduct.Multiply(true, false, _z, _dH2, _g.Wd1, l, h, n, _threads);
        SumRows(_dH2, n, h, _g.Bd1);
        DenseProduct.Multiply(false, true, _dH2, _p.Wd1, _dZ, n, l, h, _threads);
        CodeBackward(n);
        DenseProduct.Multiply(true, false, _h1, _dQ, _g.Wq, h, q, n, _threads);
        SumRows(_dQ, n, q, _g.Bq);
        DenseProduct.Multiply(false, true, _dQ, _p.Wq, _dH1, n, h, q, _threads);
        TanhBackward(_dH1, _h1, n * h);
        SumRows(_dH1, n, h, _g.B1);
        // W1's gradient is x^T dA1: only the rows of the batch's items are non-zero.
        Array.Clear(_g.W1);
        for (var b = 0; b < n; b++)
        {
            var delta = _dH1.AsSpan(b * h, h);
            for (var at = _rowStart[b]; at < _rowStart[b + 1]; at++)
            {
                if (_inputs[at] == 0f) continue;
                var row = _g.W1.AsSpan(_columns[at] * h, h);
                TensorPrimitives.MultiplyAdd(delta, _inputs[at], row, row);
            }
        }
        return loss;
    }

    private void EncodeRows(int start, int end)
    {
        var h = _p.Hidden;
        for (var b = start; b < end; b++)
        {
            var row = _h1.AsSpan(b * h, h);
            _p.B1.CopyTo(row);
            for (var at = _rowStart[b]; at < _rowStart[b + 1]; at++)
                if (_inputs[at] != 0f) TensorPrimitives.MultiplyAdd(_p.W1.AsSpan(_columns[at] * h, h), _inputs[at], row, row);
            TensorPrimitives.Tanh(row, row);
        }
    }

    // z from the code layer; returns the batch's summed KL (0 for Mult-DAE).
    private double Code(int n)
    {
        int l = _p.Latent, q = _p.Code;
        if (!_variational)
        {
            _q.AsSpan(0, n * l).CopyTo(_z);
            return 0;
        }
        double kl = 0;
        for (var b = 0; b < n; b++)
        {
            for (var j = 0; j < l; j++)
            {
                float mu = _q[(b * q) + j], logVariance = _q[(b * q) + l + j];
                var variance = MathF.Exp(logVariance);
                _z[(b * l) + j] = mu + (_eps[(b * l) + j] * MathF.Sqrt(variance));
                kl += 0.5 * (-logVariance + variance + (mu * mu) - 1);
            }
        }
        return kl;
    }

    // dQ from dZ: mean part dZ + beta mu / n, log-variance part dZ eps sigma / 2 + beta (exp(lv) - 1) / (2n).
    private void CodeBackward(int n)
    {
        int l = _p.Latent, q = _p.Code;
        if (!_variational)
        {
            _dZ.AsSpan(0, n * l).CopyTo(_dQ);
            return;
        }
        var klScale = _beta / n;
        for (var b = 0; b < n; b++)
        {
            for (var j = 0; j < l; j++)
            {
                float mu = _q[(b * q) + j], logVariance = _q[(b * q) + l + j], dz = _dZ[(b * l) + j];
                var variance = MathF.Exp(logVariance);
                _dQ[(b * q) + j] = dz + (klScale * mu);
                _dQ[(b * q) + l + j] = (0.5f * dz * _eps[(b * l) + j] * MathF.Sqrt(variance)) + (0.5f * klScale * (variance - 1));
            }
        }
    }

    private void SoftmaxRows(int start, int end)
    {
        var k = _p.Items;
        var perUser = 1f / _count;
        for (var b = start; b < end; b++)
        {
            var row = _logits.AsSpan(b * k, k);
            var max = TensorPrimitives.Max(row);
            double picked = 0;
            for (var at = _rowStart[b]; at < _rowStart[b + 1]; at++) picked += _targets[at] * (double)row[_columns[at]];
            TensorPrimitives.Subtract(row, max, row);
            TensorPrimitives.Exp(row, row);
            var sum = TensorPrimitives.Sum(row);
            var logSum = max + Math.Log(sum);
            _rowLoss[b] = (_rowTotals[b] * logSum) - picked;
            TensorPrimitives.Multiply(row, _rowTotals[b] * perUser / sum, row);
            for (var at = _rowStart[b]; at < _rowStart[b + 1]; at++) row[_columns[at]] -= _targets[at] * perUser;
        }
    }

    private static void AddBias(float[] rows, float[] bias, int n)
    {
        var width = bias.Length;
        for (var b = 0; b < n; b++)
        {
            var row = rows.AsSpan(b * width, width);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    private static void SumRows(float[] rows, int n, int width, float[] sums)
    {
        Array.Clear(sums);
        for (var b = 0; b < n; b++) TensorPrimitives.Add(sums, rows.AsSpan(b * width, width), sums);
    }

    // delta *= 1 - h^2 (tanh's derivative at the layer's output h).
    private static void TanhBackward(float[] delta, float[] output, int length)
    {
        for (var i = 0; i < length; i++) delta[i] *= 1f - (output[i] * output[i]);
    }
}
