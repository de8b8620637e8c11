using Encore.Models.Contract;

namespace Encore.Cli.Commands;

/// <summary>
/// Screens the models of one evaluate / tune command against the training data before any of them is fitted
/// (<see cref="SideDataCheck"/>): with <c>all</c>, a model whose side data is missing is skipped with a line saying
/// why; a model named explicitly stops the command before any fit; a model that would only degrade (friends without
/// links) stays, with a note.
/// </summary>
internal static class SideDataScreen
{
    /// <summary>The names that can be fitted on <paramref name="data"/>, in their order; the lines go to <paramref name="log"/>.</summary>
    /// <param name="models">The <c>--models</c> / <c>--model</c> text as given ("all" or a list).</param>
    /// <param name="names">The parsed names.</param>
    /// <param name="data">The training data of the protocol.</param>
    /// <param name="log">Where the skip and note lines go (stderr).</param>
    /// <exception cref="ArgumentException">A model named explicitly cannot be fitted on this data (exit 1).</exception>
    public static IReadOnlyList<string> Apply(string models, IReadOnlyList<string> names, TrainingData data, TextWriter log)
    {
        var all = models.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
        var kept = new List<string>(names.Count);
        foreach (var name in names)
        {
            switch (SideDataCheck.Check(name, data))
            {
                case null:
                    kept.Add(name);
                    break;
                case { Required: true } gap when all:
                    log.WriteLine($"{name}: skipped: {gap.Message}");
                    break;
                case { Required: true } gap:
                    throw new ArgumentException($"{name}: {gap.Message}; leave it out of the model list (or use all, which skips it).");
                case var gap:
                    log.WriteLine($"{name}: note: {gap.Message}");
                    kept.Add(name);
                    break;
            }
        }
        if (kept.Count == 0) throw new ArgumentException($"none of the models ({string.Join(", ", names)}) can be trained on this data (see above).");
        return kept;
    }
}
