using System.Numerics.Tensors;
using Encore.Core.Errors;

namespace Encore.Models.Factorization;

/// <summary>Detects factors that diverged (NaN or infinity) and fails the fit with advice.</summary>
internal static class FactorChecks
{
    public static void EnsureFinite(ReadOnlySpan<float> factors, string model, string side, int epoch, string advice)
    {
        // A sum is NaN / infinite as soon as one entry is (or the values are absurdly large, equally a failure).
        if (float.IsFinite(TensorPrimitives.SumOfMagnitudes(factors))) return;
        throw new ModelFitException($"{model}: {side} factors became NaN or infinite in iteration {epoch}. Check that the interaction values are finite and not huge; {advice}");
    }
}
