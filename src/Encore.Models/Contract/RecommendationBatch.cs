namespace Encore.Models.Contract;

/// <summary>
/// Top-k results of a batch call: row i holds up to <see cref="K"/> (item, score) pairs for the i-th
/// requested user, best first; <see cref="Counts"/> says how many are filled.
/// </summary>
public sealed class RecommendationBatch
{
    public RecommendationBatch(int rows, int k)
    {
        K = k;
        Items = new int[rows * k];
        Scores = new float[rows * k];
        Counts = new int[rows];
    }

    public int K { get; }

    public int Rows => Counts.Length;

    public int[] Items { get; }

    public float[] Scores { get; }

    public int[] Counts { get; }

    public ReadOnlySpan<int> ItemsOf(int row) => Items.AsSpan(row * K, Counts[row]);

    public ReadOnlySpan<float> ScoresOf(int row) => Scores.AsSpan(row * K, Counts[row]);
}
