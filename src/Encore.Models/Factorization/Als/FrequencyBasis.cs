namespace Encore.Models.Factorization.Als;

/// <summary>
/// What a row's frequency-scaled penalty counts (<see cref="AlsOptions.FrequencyBasis"/>, <see cref="FrequencyScaledRegularization"/>).
/// </summary>
public enum FrequencyBasis
{
    /// <summary>The row's observed entries plus one, n_r + 1: heavy users and popular items alike are held back.</summary>
    Observed,

    /// <summary>
    /// The row's whole confidence mass, every unobserved entry at weight 1 and every observed one at c = 1 + alpha v:
    /// (columns - n_r) + sum c = columns + alpha sum v. This is the paper's (n_r + alpha0 |I|) in Encore's weights
    /// (unobserved 1, observed c rather than unobserved alpha0, observed 1); where the unobserved entries dominate a row's
    /// mass (users of a large catalogue) the scale is nearly flat.
    /// </summary>
    Mass,
}
