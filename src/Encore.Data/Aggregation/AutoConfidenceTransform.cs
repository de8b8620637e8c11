using Encore.Core.Sparse;

namespace Encore.Data.Aggregation;

/// <summary>
/// "auto": chooses none or log1p from the values it is applied to (<see cref="ConfidenceChoice.Choose"/>). Callers
/// that record what was used resolve it first with <see cref="ConfidenceChoice.Resolve"/>.
/// </summary>
internal sealed class AutoConfidenceTransform : ConfidenceTransform
{
    public override string Name => "auto";

    public override CsrMatrix Apply(CsrMatrix scores) => ConfidenceChoice.Choose(scores).Apply(scores);
}
