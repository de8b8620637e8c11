using Encore.Core.Randomness;
using Encore.Models.Vae;

namespace Encore.Models.Tests.Vae;

/// <summary>
/// The VAE's output layer: every score is bias + hidden . W column as one fused multiply-add chain in j order, on every
/// path (512-bit panels of 64 columns, 256-bit panels of 32, scalar columns) and whatever users share the block.
/// </summary>
public sealed class OutputLayerKernelTests
{
    [Theory]
    [InlineData(6, 7, 64 + 32 + 5)] // four users then two alone; a 64-column panel, a 32-column one, five scalar columns
    [InlineData(1, 3, 200)]
    [InlineData(9, 16, 31)]
    public void Multiply_EachScore_IsTheScalarFusedChainInJOrder(int count, int h, int width)
    {
        var (hidden, w, bias) = Inputs(7, count, h, width);
        var logits = new float[count * width];

        OutputLayerKernel.Multiply(hidden, count, h, w, bias, logits);

        for (var b = 0; b < count; b++)
            for (var c = 0; c < width; c++)
            {
                var expected = bias[c];
                for (var j = 0; j < h; j++) expected = MathF.FusedMultiplyAdd(w[j * width + c], hidden[b * h + j], expected);
                Assert.Equal(expected, logits[b * width + c]);
            }
    }

    [Fact]
    public void Multiply_UserAlone_SameBitsAsInABlock()
    {
        const int count = 5, h = 9, width = 130;
        var (hidden, w, bias) = Inputs(11, count, h, width);
        var block = new float[count * width];
        OutputLayerKernel.Multiply(hidden, count, h, w, bias, block);

        for (var b = 0; b < count; b++)
        {
            var alone = new float[width];
            OutputLayerKernel.Multiply(hidden.AsSpan(b * h, h), 1, h, w, bias, alone);
            Assert.Equal(block.AsSpan(b * width, width).ToArray(), alone);
        }
    }

    [Fact]
    public void Multiply_ShortBuffer_Throws() =>
        Assert.Throws<ArgumentException>(() => OutputLayerKernel.Multiply(new float[3], 2, 2, new float[8], new float[4], new float[8]));

    // Seeded values in [-1, 1): count x h hidden, h x width weights, width biases.
    private static (float[] Hidden, float[] W, float[] Bias) Inputs(ulong seed, int count, int h, int width)
    {
        var rng = new Rng(seed);
        float[] Random(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)(2 * rng.NextDouble() - 1))];
        return (Random(count * h), Random(h * width), Random(width));
    }
}
