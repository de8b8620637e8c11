using System.Globalization;
using Encore.Models.Hierarchy;

namespace Encore.Cli.Output;

/// <summary>What <c>encore train --model hierarchy</c> prints about the fitted parts.</summary>
internal static class HierarchySummary
{
    public static void Print(HierarchyModel model)
    {
        var s = model.Scorer;
        var line = string.Create(CultureInfo.InvariantCulture, $"hierarchy: predictor {model.Predictor.Name()}, global mean M {s.Priors.GlobalMean:0.0}, classifier features at SPEC's C {PriorSettings.Format(s.FeaturePriors.Settings.Strength(HierarchyLevel.Track))}");
        if (!s.Catalogue.HasAlbums) line += "; album level missing";
        Console.WriteLine(line);
        Console.WriteLine(model.PriorChoice.Describe());
        Console.WriteLine(model.AdaptiveChoice.Describe());
        Console.WriteLine(model.ConfidenceChoice.Describe());
        if (s.Fallback is { } f)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"learned fallback on {model.ValidationLists:N0} validation lists: score = {f.Intercept:0.#} + {f.Slope:0.#} z(als-flat) where the user rated no level (validation accuracy {f.ValidationAccuracy:0.0000})"));
        foreach (var c in s.Classifiers)
        {
            if (c.Importances.Count == 0) continue;
            var top = c.FeatureNames.Zip(c.Importances).OrderByDescending(p => p.Second).Take(3)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First} {p.Second:0.000}"));
            Console.WriteLine($"  {c.Kind.Name()}: top features {string.Join(", ", top)}");
        }
        if (s.Ensemble is { } e)
            Console.WriteLine("ensemble weights: " + string.Join(", ", e.Members.Zip(e.Weights).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First} {p.Second:0.###}"))));
    }
}
