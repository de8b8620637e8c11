using System.Runtime.CompilerServices;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// A worker's running sum of the BPR loss -log sigmoid(x) over its steps and its count of steps with x &gt; 0 (ranked
/// correctly before the step). -log sigmoid(x) = softplus(-x) = max(-x, 0) + log(1 + exp(-|x|)); the log terms are gathered
/// as the log of their product, one <see cref="Math.Log(double)"/> per <see cref="Block"/> steps instead of one per step.
/// Kept in a local of the epoch loop (a struct), so the two workers never write a shared cache line per step.
/// </summary>
internal struct BprLossSum
{
    /// <summary>Steps whose log terms are multiplied before one log is taken (a power of two; each term is in (1, 2], so 2^256 &lt; double.MaxValue).</summary>
    public const int Block = 256;

    private double _hinge;
    private double _logSum;
    // The product of the current block's (1 + e) terms.
    private double _product;

    /// <summary>An empty sum (use this constructor, not <c>default</c>).</summary>
    public BprLossSum() => _product = 1;

    /// <summary>Steps added.</summary>
    public long Steps { get; private set; }

    /// <summary>Steps with x &gt; 0.</summary>
    public long Correct { get; private set; }

    /// <summary>The summed loss of the steps added so far: NaN or infinite if a step's x was (factors that diverged).</summary>
    public readonly double Loss => _hinge + _logSum + Math.Log(_product);

    /// <summary>Adds a step with score difference <paramref name="x"/> and <paramref name="e"/> = exp(-|x|) (in (0, 1]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(float x, float e)
    {
        // 0 x is 0 for a finite x and NaN for an infinite or NaN one, so a diverged score makes the loss NaN (MathF.Max alone
        // would turn x = +infinity into a finite 0): the trainer checks the factors only when the loss says so.
        _hinge += MathF.Max(-x, 0f) + 0f * x;
        _product *= 1.0 + e;
        if (x > 0) Correct++;
        Steps++;
        if ((Steps & (Block - 1)) == 0)
        {
            _logSum += Math.Log(_product);
            _product = 1;
        }
    }
}
