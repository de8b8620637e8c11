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

    /// <summary>
    /// Reads from a bfloat16 copy (a float's upper 16 bits: 7 mantissa bits, relative rounding at most 2^-9) refreshed once per
    /// half-step; the gathered block stays 16-bit and each CG pass widens its rows in registers (one shift or mask per 16
    /// floats), so every pass reads half the bytes. Needs factor counts that are a multiple of 32 (else as Half).
    /// </summary>
    BFloat16,
}
