using System.Numerics.Tensors;
using Encore.Core.Parallelism;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// The weighted loss sum_ui c_ui (p_ui - x_u.y_i)^2 + lambda (|X|^2 + |Y|^2) over ALL user-item pairs,
/// using x^T (Y^T Y) x for the zeros, divided by the total confidence weight (users x items + sum (c - 1)). With
/// frequency scaling each row's penalty is lambda s_r |x_r|^2 (<see cref="FrequencyScaledRegularization"/>).
/// Per-row partial sums are added in row order, so the value does not depend on the thread count.
/// </summary>
internal static class AlsLoss
{
    public static double Compute(CsrMatrix matrix, float[] userFactors, float[] itemFactors, int d, AlsOptions options, CancellationToken cancellationToken)
    {
        var gram = Gram.Compute(itemFactors, matrix.Columns, d, options.Threads, cancellationToken);
        var alpha = (float)options.Alpha;
        var userScales = FrequencyScaledRegularization.RowScales(matrix, options.FrequencyScaling, options.FrequencyBasis, alpha);
        var perRow = new double[matrix.Rows];
        var weight = new double[matrix.Rows];
        ParallelLoop.For(matrix.Rows, options.Threads, _ => new float[d], (start, end, gx) =>
        {
            for (var row = start; row < end; row++)
            {
                var x = userFactors.AsSpan(row * d, d);
                ConjugateGradient.SymmetricMatVec(gram, x, gx, d);
                double loss = TensorPrimitives.Dot(x, gx);
                double extraWeight = 0;
                var indices = matrix.RowIndices(row);
                var values = matrix.RowValues(row);
                for (var k = 0; k < indices.Length; k++)
                {
                    var s = TensorPrimitives.Dot(x, itemFactors.AsSpan(indices[k] * d, d));
                    var c = WeightedRidge.Confidence(values[k], alpha);
                    var miss = WeightedRidge.Preference(values[k]) - s;
                    loss += c * miss * miss - s * s;
                    extraWeight += c - 1;
                }
                perRow[row] = loss + options.Regularization * (userScales?[row] ?? 1f) * TensorPrimitives.Dot(x, x);
                weight[row] = extraWeight;
            }
        }, cancellationToken);
        double total = 0, totalWeight = (double)matrix.Rows * matrix.Columns;
        for (var row = 0; row < perRow.Length; row++)
        {
            total += perRow[row];
            totalWeight += weight[row];
        }
        var itemScales = FrequencyScaledRegularization.RowScales(matrix.Transpose(), options.FrequencyScaling, options.FrequencyBasis, alpha);
        if (itemScales is null) total += options.Regularization * TensorPrimitives.Dot<float>(itemFactors, itemFactors);
        else
            for (var i = 0; i < itemScales.Length; i++)
                total += options.Regularization * itemScales[i] * TensorPrimitives.Dot<float>(itemFactors.AsSpan(i * d, d), itemFactors.AsSpan(i * d, d));
        return totalWeight > 0 ? total / totalWeight : 0;
    }
}
