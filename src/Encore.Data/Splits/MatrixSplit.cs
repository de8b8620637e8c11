using Encore.Core.Sparse;

namespace Encore.Data.Splits;

/// <summary>Two same-shape matrices whose stored entries partition the input matrix's entries.</summary>
public sealed class MatrixSplit
{
    public required CsrMatrix Train { get; init; }
    public required CsrMatrix Test { get; init; }
}
