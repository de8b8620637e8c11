using System.Numerics.Tensors;
using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Models.Content;

/// <summary>
/// A fitted content transform, saved with the model that uses it: x (raw, NaN = missing) ->
/// z = (x - mean) / std (missing -> 0) -> z / ||z|| -> (z - mu) V_k when PCA is on. Maps an
/// input of <see cref="InputDimension"/> floats to <see cref="OutputDimension"/> floats; a row with no
/// value at all maps to zeros. Immutable and thread-safe. Fitted by <see cref="ContentTransformFitter"/>.
/// </summary>
public sealed class ContentTransform
{
    private readonly float[] _means;
    private readonly float[] _scales;
    private readonly float[] _pcaMean;
    private readonly float[] _components; // k x d, row-major (rows = principal axes)

    internal ContentTransform(float[] means, float[] scales, bool l2, float[] pcaMean, float[] components, int outputDimension, double[] explained)
    {
        _means = means;
        _scales = scales;
        L2Normalise = l2;
        _pcaMean = pcaMean;
        _components = components;
        OutputDimension = outputDimension;
        ExplainedVarianceRatio = explained;
    }

    public int InputDimension => _means.Length;

    public int OutputDimension { get; }

    public bool L2Normalise { get; }

    /// <summary>True when PCA reduces the vectors (<see cref="OutputDimension"/> components).</summary>
    public bool UsesPca => _components.Length > 0;

    /// <summary>Share of the normalised vectors' variance along each kept component (empty without PCA); sums to at most 1.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Total share of variance kept (1 without PCA).</summary>
    public double ExplainedVariance => UsesPca ? ExplainedVarianceRatio.Sum() : 1.0;

    /// <summary>Transforms one raw row. <paramref name="output"/> has <see cref="OutputDimension"/> floats; returns false (zeros written) for a row with no value.</summary>
    public bool Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != InputDimension) throw new ArgumentException($"expected {InputDimension} input values, got {input.Length}.", nameof(input));
        if (output.Length != OutputDimension) throw new ArgumentException($"expected an output of {OutputDimension} values, got {output.Length}.", nameof(output));
        var d = InputDimension;
        Span<float> z = d <= 512 ? stackalloc float[d] : new float[d];
        var any = false;
        for (var j = 0; j < d; j++)
        {
            var x = input[j];
            if (float.IsNaN(x)) { z[j] = 0; continue; }
            any = true;
            z[j] = (x - _means[j]) * _scales[j];
        }
        if (!any) { output.Clear(); return false; }
        if (L2Normalise)
        {
            var norm = TensorPrimitives.Norm(z);
            if (norm > 0) TensorPrimitives.Divide(z, norm, z);
        }
        if (!UsesPca) { z.CopyTo(output); return true; }
        TensorPrimitives.Subtract(z, _pcaMean, z);
        for (var c = 0; c < OutputDimension; c++) output[c] = TensorPrimitives.Dot(z, _components.AsSpan(c * d, d));
        return true;
    }

    /// <summary>Transforms every row of <paramref name="features"/> into a new row-major Count x <see cref="OutputDimension"/> array.</summary>
    public float[] ApplyAll(ItemFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new float[features.Count * OutputDimension];
        for (var i = 0; i < features.Count; i++) Apply(features.Row(i), result.AsSpan(i * OutputDimension, OutputDimension));
        return result;
    }

    public void Write(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteArray<float>(_means);
        writer.WriteArray<float>(_scales);
        writer.WriteBool(L2Normalise);
        writer.WriteInt(OutputDimension);
        writer.WriteArray<float>(_pcaMean);
        writer.WriteArray<float>(_components);
        writer.WriteArray<double>([.. ExplainedVarianceRatio]);
    }

    /// <exception cref="ModelFormatException">The stored shapes disagree.</exception>
    public static ContentTransform Read(ModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var means = reader.ReadArray<float>();
        var scales = reader.ReadArray<float>();
        var l2 = reader.ReadBool();
        var output = reader.ReadInt();
        var pcaMean = reader.ReadArray<float>();
        var components = reader.ReadArray<float>();
        var explained = reader.ReadArray<double>();
        var d = means.Length;
        if (scales.Length != d || (components.Length > 0 && (pcaMean.Length != d || components.Length != output * d || explained.Length != output))
            || (components.Length == 0 && output != d))
            throw new ModelFormatException($"content transform: inconsistent shapes (input {d}, output {output}, {components.Length} component values).");
        return new ContentTransform(means, scales, l2, pcaMean, components, output, explained);
    }
}
