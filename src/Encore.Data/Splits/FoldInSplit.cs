using Encore.Core.Sparse;

namespace Encore.Data.Splits;

/// <summary>
/// Strong-generalisation split: <see cref="Train"/> holds the rows of the other users, <see cref="FoldIn"/> and
/// <see cref="Hidden"/> the held-out users' known and hidden items. All three have the input's shape and
/// their entries partition the input's entries.
/// </summary>
public sealed class FoldInSplit
{
    public required CsrMatrix Train { get; init; }
    public required CsrMatrix FoldIn { get; init; }
    public required CsrMatrix Hidden { get; init; }

    /// <summary>Held-out user rows, ascending.</summary>
    public required int[] HeldOutUsers { get; init; }
}
