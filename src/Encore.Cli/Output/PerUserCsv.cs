using System.Globalization;
using System.Text;
using Encore.Core.Ids;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Output;

/// <summary>
/// SPEC S1's per-user table as CSV: one row per (model, user) with NDCG, precision and recall at each k
/// (columns <c>model,user,ndcg@5,precision@5,recall@5,...</c>; users by their external id). Written atomically.
/// </summary>
internal static class PerUserCsv
{
    public static void Write(string path, IReadOnlyList<ExperimentRun> runs, IdMap users, IReadOnlyList<int> ks)
    {
        var metrics = ks.SelectMany(k => new[] { "ndcg", "precision", "recall" }.Select(m => $"{m}@{k.ToString(CultureInfo.InvariantCulture)}")).ToArray();
        var text = new StringBuilder();
        text.Append("model,user,").AppendJoin(',', metrics).Append('\n');
        foreach (var run in runs)
            for (var row = 0; row < run.Users.Length; row++)
            {
                var user = run.Users[row];
                text.Append(Csv(run.Model)).Append(',').Append(Csv(user < users.Count ? users[user] : user.ToString(CultureInfo.InvariantCulture)));
                foreach (var metric in metrics)
                {
                    text.Append(',');
                    if (run.PerUser.TryGetValue(metric, out var values)) text.Append(values[row].ToString("0.######", CultureInfo.InvariantCulture));
                }
                text.Append('\n');
            }
        Encore.Core.Files.AtomicFile.WriteAllText(path, text.ToString());
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
