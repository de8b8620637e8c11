namespace Encore.Core.Sparse;

/// <summary>How triples with the same (row, column) combine when a CSR matrix is built.</summary>
public enum DuplicatePolicy
{
    /// <summary>Values are added (play counts, event weights).</summary>
    Sum,
    /// <summary>The largest value is kept.</summary>
    Max,
    /// <summary>The value given last in input order is kept (latest rating wins).</summary>
    Last,
}
