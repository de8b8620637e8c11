using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>A transform that looks at each stored score alone.</summary>
internal sealed class ElementwiseTransform(string name, Func<float, float> map) : ConfidenceTransform
{
    public override string Name => name;

    public override CsrMatrix Apply(CsrMatrix scores) => scores.MapValues(map);
}
