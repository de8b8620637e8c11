using System.Globalization;
using System.Text;

namespace Encore.Cli.Tests.Fit;

/// <summary>A small hand-made PEERS split folder (train.tsv, test.tsv; header <c>user item value</c>): 40 users x 30 items in
/// three taste blocks with play counts, seeded, plus a malformed copy for the bad-data tests.</summary>
internal static class FitSplitFixture
{
    /// <summary>Writes the split into a new folder under <paramref name="parent"/> and returns its path.</summary>
    public static string Write(string parent)
    {
        var folder = Path.Combine(parent, "split");
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        var train = new StringBuilder("user\titem\tvalue\n");
        var test = new StringBuilder("user\titem\tvalue\n");
        for (var u = 0; u < 40; u++)
        {
            var block = u % 3;
            var held = 0;
            for (var i = 0; i < 30; i++)
            {
                var inBlock = i % 3 == block;
                if (random.NextDouble() > (inBlock ? 0.7 : 0.08)) continue;
                var line = string.Create(CultureInfo.InvariantCulture, $"u{u}\ta{i}\t{1 + random.Next(20)}\n");
                if (inBlock && held < 2 && random.NextDouble() < 0.25) { test.Append(line); held++; }
                else train.Append(line);
            }
        }
        File.WriteAllText(Path.Combine(folder, "train.tsv"), train.ToString());
        File.WriteAllText(Path.Combine(folder, "test.tsv"), test.ToString());
        return folder;
    }
}
