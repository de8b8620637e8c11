using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Content.Affinity;

/// <summary>
/// The labelled rows of S2: for each user with a profile, up to <c>MaxPositivesPerUser</c> of the user's positive
/// items with content (label 1) and <c>NegativeRatio</c> times as many seeded uniform draws among items
/// with content the user never touched (label 0). Row = profile ⊕ track (⊕ profile ∘ track) (⊕ popularity).
/// </summary>
internal sealed class AffinitySamples
{
    private AffinitySamples(float[] rows, bool[] labels, int width)
    {
        Rows = rows;
        Labels = labels;
        Width = width;
    }

    public float[] Rows { get; }

    public bool[] Labels { get; }

    public int Width { get; }

    public int Count => Labels.Length;

    public int Positives => Labels.Count(l => l);

    public static int WidthFor(int k, bool product, bool popularity) => (product ? 3 * k : 2 * k) + (popularity ? 1 : 0);

    /// <summary>Writes profile ⊕ track (⊕ product) (⊕ popularity) into <paramref name="row"/>; <paramref name="popularity"/> is NaN when not used.</summary>
    public static void Compose(ReadOnlySpan<float> profile, ReadOnlySpan<float> track, bool product, float popularity, Span<float> row)
    {
        var k = profile.Length;
        profile.CopyTo(row);
        track.CopyTo(row[k..]);
        if (product) System.Numerics.Tensors.TensorPrimitives.Multiply(profile, track, row.Slice(2 * k, k));
        if (!float.IsNaN(popularity)) row[^1] = popularity;
    }

    /// <summary>Per item: log(1 + users with the item) / log(1 + the largest such count), in [0, 1].</summary>
    public static float[] Popularity(CsrMatrix interactions)
    {
        var counts = new int[interactions.Columns];
        for (var u = 0; u < interactions.Rows; u++)
            foreach (var i in interactions.RowIndices(u)) counts[i]++;
        var top = Math.Log(1 + Math.Max(1, counts.DefaultIfEmpty(0).Max()));
        var result = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++) result[i] = (float)(Math.Log(1 + counts[i]) / top);
        return result;
    }

    public static AffinitySamples Build(CsrMatrix interactions, float[] itemVectors, float[] profiles, float[]? popularity, int k, AffinityOptions options, CancellationToken ct)
    {
        var width = WidthFor(k, options.ProductFeatures, popularity is not null);
        var withContent = new List<int>();
        for (var i = 0; i < interactions.Columns; i++)
            if (UserProfiles.HasContent(itemVectors.AsSpan(i * k, k))) withContent.Add(i);
        var rows = new List<float>();
        var labels = new List<bool>();
        var rng = new Rng(options.Seed);
        var row = new float[width];
        var picked = new List<int>();
        for (var u = 0; u < interactions.Rows; u++)
        {
            if ((u & 1023) == 0) ct.ThrowIfCancellationRequested();
            var profile = profiles.AsSpan(u * k, k);
            if (!UserProfiles.HasContent(profile)) continue;
            var items = interactions.RowIndices(u);
            var values = interactions.RowValues(u);
            picked.Clear();
            // Positives are positive totals only; a skipped or disliked track is neither a positive nor drawn as a negative.
            for (var p = 0; p < items.Length; p++)
                if (values[p] > 0 && UserProfiles.HasContent(itemVectors.AsSpan(items[p] * k, k))) picked.Add(items[p]);
            var positives = picked.ToArray();
            if (positives.Length > options.MaxPositivesPerUser)
            {
                rng.Shuffle(positives.AsSpan());
                positives = positives[..options.MaxPositivesPerUser];
            }
            foreach (var i in positives) Add(profile, i, true);
            var wanted = (int)Math.Round(positives.Length * options.NegativeRatio);
            var free = withContent.Count - picked.Count;
            wanted = Math.Min(wanted, Math.Max(0, free));
            for (int n = 0, tries = 0; n < wanted && tries < 20 * wanted + 100; tries++)
            {
                var candidate = withContent[rng.NextInt(withContent.Count)];
                if (items.BinarySearch(candidate) >= 0) continue;
                Add(profile, candidate, false);
                n++;
            }
        }
        return new AffinitySamples([.. rows], [.. labels], width);

        void Add(ReadOnlySpan<float> profile, int item, bool label)
        {
            Compose(profile, itemVectors.AsSpan(item * k, k), options.ProductFeatures, popularity is null ? float.NaN : popularity[item], row);
            rows.AddRange(row);
            labels.Add(label);
        }
    }
}
