using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>
/// A transform that looks at each stored score alone. Only positive totals are mapped; a total &lt;= 0 (a
/// skip kept as 0, a net dislike) passes through unchanged, so no transform turns it into a positive signal.
/// </summary>
internal sealed class ElementwiseTransform(string name, Func<float, float> map) : ConfidenceTransform
{
    public override string Name => name;

    public override CsrMatrix Apply(CsrMatrix scores) => scores.MapValues(s => s > 0 ? map(s) : s);
}
