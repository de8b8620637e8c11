namespace Encore.Models.Factorization.Als;

/// <summary>
/// Precision of the fixed side's factor rows that blocked conjugate gradient gathers (<see cref="AlsOptions.GatherPrecision"/>).
/// The CG arithmetic is float either way.
/// </summary>
public enum GatherPrecision
{
    /// <summary>Exact float32 reads of the fixed factors.</summary>
    Single,

    /// <summary>
    /// Reads from an IEEE half-precision copy (10 mantissa bits, relative rounding at most 2^-11) refreshed once per
    /// half-step and widened to float: half the random bytes read.
    /// </summary>
    Half,
}
