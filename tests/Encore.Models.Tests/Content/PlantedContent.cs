using Encore.Core.Randomness;
using Encore.Models.Contract;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Content;

/// <summary>
/// Content vectors for <see cref="PlantedBlocks"/>: 4 block-indicator columns (1 for the item's block, with
/// seeded noise of sd 0.1) followed by 4 pure-noise columns, so the block is recoverable from content.
/// </summary>
public static class PlantedContent
{
    public const int Dimension = 8;

    public static ItemFeatures Features(ulong seed = 11)
    {
        var rng = new Rng(seed);
        var values = new float[PlantedBlocks.ItemCount * Dimension];
        for (var i = 0; i < PlantedBlocks.ItemCount; i++)
            for (var j = 0; j < Dimension; j++)
            {
                var signal = j < PlantedBlocks.Groups && PlantedBlocks.BlockOfItem(i) == j ? 1.0 : 0.0;
                values[i * Dimension + j] = (float)(signal + 0.1 * rng.NextGaussian());
            }
        return new ItemFeatures(Dimension, values);
    }

    public static TrainingData Create()
    {
        var data = PlantedBlocks.Create();
        return new TrainingData(data.Interactions, data.Users, data.Items) { ItemFeatures = Features() };
    }
}
