using Encore.Data.Model;
using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Models.Hierarchy;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints SPEC S4's results summary of a six-candidate report.</summary>
internal static class SixCandidatePrinter
{
    public static void Print(SixCandidateReport report, MusicDataset dataset, string title, bool markdown, string? explainUser)
    {
        var board = new TextTable($"{title}; {report.Users.Length:N0} test users, {report.TestCandidates:N0} candidates, {report.TrainRatings:N0} training ratings",
            "rank", "model", "family", "accuracy", "95% CI", "error rate", "seconds");
        var rank = 1;
        foreach (var r in report.Results)
            board.Add($"{rank++}", r.Name, r.Family, Numbers.F(r.Accuracy), $"[{Numbers.F(r.Low)}, {Numbers.F(r.High)}]", Numbers.F(r.ErrorRate), Numbers.Seconds(r.Seconds));
        board.Print(markdown);
        if (report.MissingLevels.Count > 0)
            Note(markdown, $"levels missing from this catalogue (reported as missing, never imputed): {string.Join(", ", report.MissingLevels)}");

        var steps = new TextTable("S4 climb: each step against the one before, then each half of +bayes+siblings against weighted (paired over the same test users)",
            "from", "to", "gain", "95% CI", "permutation p", "verdict");
        foreach (var s in report.Steps) steps.Add(s.From, s.To, Numbers.F(s.Comparison.MeanDifference, "+0.0000;-0.0000"), Ci(s), Numbers.F(s.Comparison.PermutationPValue, "0.0000"), Verdict(s, report));
        if (report.BestVsRunnerUp is { } h)
            steps.Add($"runner-up {h.From}", $"best {h.To}", Numbers.F(h.Comparison.MeanDifference, "+0.0000;-0.0000"), Ci(h), Numbers.F(h.Comparison.PermutationPValue, "0.0000"), Verdict(h, report));
        steps.Print(markdown);
        PrintPrior(report.Prior, markdown);
        Note(markdown, report.AdaptiveScale.Describe());
        PrintConfidence(report.PriorConfidence, markdown);
        if (report.ValidationAccuracies.Count > 0)
            Note(markdown, "validation accuracy (lists carved from training; every choice is made here): " +
                string.Join(", ", report.ValidationAccuracies.Select(v => $"{v.Model} {Numbers.F(v.Accuracy, "0.0000")}")));
        PrintEvidence(report, markdown);

        if (report.Fallback is { } f)
            Note(markdown, $"learned fallback (validation): score = {Numbers.F(f.Intercept, "0.#")} + {Numbers.F(f.Slope, "0.#")} z(als-flat) where the user rated no level; validation accuracy {Numbers.F(f.ValidationAccuracy)}");
        if (report.CatalogueZ.Count > 0)
        {
            var z = new TextTable($"classifiers with catalogue-wide z-score features (mean and deviation over {CatalogueZScores.SampleSize:N0} catalogue tracks per user, as when ranking all tracks) against the protocol's per-list ones (paired over the test users)",
                "classifier", "per-list z", "catalogue z", "difference", "95% CI", "permutation p");
            foreach (var r in report.CatalogueZ)
                z.Add(r.Classifier, Numbers.F(r.ListAccuracy), Numbers.F(r.CatalogueAccuracy), Numbers.F(r.Comparison.MeanDifference, "+0.0000;-0.0000"),
                    $"[{Numbers.F(r.Comparison.CiLow, "+0.0000;-0.0000")}, {Numbers.F(r.Comparison.CiHigh, "+0.0000;-0.0000")}]", Numbers.F(r.Comparison.PermutationPValue, "0.0000"));
            z.Print(markdown);
        }
        if (report.EnsembleWeights.Count > 0)
        {
            var w = new TextTable("ensemble weights (logistic stacking on held-out validation lists, member scores z-scored per list)", "member", "weight");
            foreach (var (m, weight) in report.EnsembleWeights) w.Add(m, Numbers.F(weight, "0.000"));
            w.Print(markdown);
        }
        if (report.Importances.Count > 0)
        {
            var names = report.Importances[0].Shares.Select(s => s.Feature).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var imp = new TextTable("feature importances of the tree models (share of split gain)", ["feature", .. report.Importances.Select(i => i.Classifier)]);
            var top = names.OrderByDescending(n => report.Importances.Sum(i => i.Shares.First(s => s.Feature == n).Share)).ToList();
            foreach (var n in top) imp.Add([n, .. report.Importances.Select(i => Numbers.F(i.Shares.First(s => s.Feature == n).Share, "0.000"))]);
            imp.Print(markdown);
        }
        Explain(report, dataset, explainUser, markdown);
    }

    private static void PrintEvidence(SixCandidateReport report, bool markdown)
    {
        var set = report.Test.Set;
        var e = new TextTable("evidence per test candidate (share of candidates; album / artist mu_i of SPEC's fixed C where the Bayesian fallback answers)",
            "candidates", "count", "album rated", "siblings", "artist rated", "genre rated", "no evidence", "album mu_i", "artist mu_i", "track mu_i");
        foreach (var r in EvidenceCoverage.Compute(report.Test.ClassifierFeatures, set.Labels))
            e.Add(r.Group, $"{r.Candidates:N0}", Numbers.F(r.AlbumRated, "0.000"), Numbers.F(r.AlbumFromSiblings, "0.000"), Numbers.F(r.ArtistRated, "0.000"),
                Numbers.F(r.GenreRated, "0.000"), Numbers.F(r.NoEvidence, "0.000"), Numbers.F(r.BayesianAlbumMean, "0.0"), Numbers.F(r.BayesianArtistMean, "0.0"), Numbers.F(r.TrackPriorMean, "0.0"));
        e.Print(markdown);
        var ties = string.Join(", ", new[] { "max-genre", "weighted", "weighted+bayes+siblings", SixCandidateModels.AdaptiveStrict, "adaptive" }
            .Where(report.TestScores.ContainsKey)
            .Select(n => $"{n} {Numbers.F(EvidenceCoverage.TiedCutShare(report.TestScores[n], set), "0.000")}"));
        Note(markdown, $"share of test lists whose 3rd and 4th scores tie (the cut falls to list order): {ties}");
    }

    private static void Explain(SixCandidateReport report, MusicDataset dataset, string? explainUser, bool markdown)
    {
        var set = report.Test.Set;
        var block = 0;
        if (explainUser is not null)
        {
            var user = dataset.Users.TryGetIndex(explainUser, out var u) ? u : throw new ArgumentException($"--explain: unknown user '{explainUser}'.");
            block = Array.IndexOf(report.Users, user);
            if (block < 0) throw new ArgumentException($"--explain: user '{explainUser}' has no test list.");
        }
        var best = report.Results[0].Name;
        var t = new TextTable($"explained: test list of user {dataset.Users[set.Users[block * set.BlockSize]]} (features and the level each came from; best model {best})",
            "track", "liked", "album", "artist", "genres rated / of", "genre mean", "siblings", "adaptive", best);
        for (var i = block * set.BlockSize; i < (block + 1) * set.BlockSize; i++)
        {
            var f = report.Test.Features[i];
            t.Add(dataset.Tracks[set.Tracks[i]], set.Labels[i] ? "yes" : "no",
                Level(f.AlbumScore, f.AlbumSource), Level(f.ArtistScore, f.ArtistSource), $"{f.GenreCount} / {f.TrackGenres}",
                Level(f.GenreMean, f.GenreSource), $"{f.SiblingCount}", Numbers.F(report.TestScores[HierarchyStrategy.Adaptive.Name()][i], "0.0"),
                Numbers.F(report.TestScores[best][i], "0.000"));
        }
        t.Print(markdown);
    }

    private static string Level(float value, FeatureSource source) => source == FeatureSource.Missing
        ? "missing"
        : $"{Numbers.F(value, "0.0")} ({source.ToString().ToLowerInvariant()})";

    private static string Ci(SixCandidateStep s) => $"[{Numbers.F(s.Comparison.CiLow, "+0.0000;-0.0000")}, {Numbers.F(s.Comparison.CiHigh, "+0.0000;-0.0000")}]";

    private static string Verdict(SixCandidateStep s, SixCandidateReport report)
    {
        var (prior, adaptive, confidence) = (report.Prior, report.AdaptiveScale, report.PriorConfidence);
        var verdict = s.Comparison.IsSignificant
            ? s.Comparison.MeanDifference > 0 ? "significant gain" : "significant loss"
            : "not significant";
        // Say what the +bayes step is under the validated prior: off, only the per-level prior mean, or smoothing at some levels.
        if (s.To is "weighted+bayes+siblings" or SixCandidateModels.WeightedBayes)
            verdict += "; " + BayesianStep(prior);
        if (s.To == SixCandidateModels.AdaptiveStrict && adaptive.Form != AdaptiveScale.Raw)
            verdict += $"; strict adaptive in the {adaptive.Form.Name()} form{(adaptive.Validated ? " by validation" : "")} (departs from SPEC S4)";
        if (s.To == "adaptive")
            verdict += confidence.Strict
                ? $"; adaptive = SPEC S4's strict adaptive (lambda 0{(confidence.Validated ? ", kept by validation" : "")}), {confidence.Form.Name()} form"
                : $"; evidence-weighted adaptive, lambda {PriorConfidenceNames.Format(confidence.Confidence)}{(confidence.Validated ? " by validation" : "")}, {confidence.Form.Name()} form (departs from SPEC S4)";
        return verdict;
    }

    /// <summary>What the Bayesian step is under <paramref name="prior"/>, for the climb's verdict column.</summary>
    internal static string BayesianStep(PriorChoice prior)
    {
        var by = prior.Validated ? " by validation" : "";
        var s = prior.Settings;
        var smoothed = new[] { HierarchyLevel.Album, HierarchyLevel.Artist, HierarchyLevel.Genre }
            .Where(l => !double.IsPositiveInfinity(s.Strength(l)))
            .Select(l => $"{l.ToString().ToLowerInvariant()} C={PriorSettings.Format(s.Strength(l))}").ToList();
        if (s.BayesianStepOff) return $"Bayesian step off{by}: C = inf";
        var mean = s.Mean == PriorMean.Level ? "prior mean M_level (departs from SPEC S4)" : "prior mean M";
        return smoothed.Count == 0
            ? $"mu_i off{by} (C = inf at every level); the step is the {mean} alone"
            : $"mu_i{by}: {string.Join(", ", smoothed)}, other levels C = inf; {mean}";
    }

    /// <summary>The strategies' Bayesian prior and, when chosen on validation, the accuracy over the C grid per level.</summary>
    private static void PrintPrior(PriorChoice prior, bool markdown)
    {
        Note(markdown, prior.Describe());
        if (prior.Curves.Count == 0) return;
        var grid = prior.Curves[0].Points.Select(p => PriorSettings.Format(p.Strength)).ToList();
        var t = new TextTable("Bayesian prior on validation: accuracy of weighted+bayes+siblings as one level's C runs over the grid (other levels at their choice; C chosen by the one-standard-error rule)",
            ["prior mean", "level", .. grid.Select(g => $"C={g}"), "chosen C"]);
        foreach (var c in prior.Curves)
            t.Add([c.Mean == PriorMean.Global ? "M" : "M_level", c.Level.ToString().ToLowerInvariant(), .. c.Points.Select(p => Numbers.F(p.Accuracy, "0.0000")), PriorSettings.Format(c.Chosen)]);
        t.Print(markdown);
    }

    /// <summary>Adaptive's evidence confidence and, when chosen on validation, the accuracy of adaptive over (form, lambda).</summary>
    private static void PrintConfidence(PriorConfidenceChoice confidence, bool markdown)
    {
        Note(markdown, confidence.Describe());
        if (!confidence.Validated) return;
        var grid = PriorConfidenceNames.Grid;
        var t = new TextTable("adaptive's evidence confidence on validation: accuracy of adaptive per scale form (rows) and lambda, the weight factor of a level the user did not rate (lambda 0 = SPEC S4's strict adaptive; chosen by the one-standard-error rule against the strict one)",
            ["form", .. grid.Select(g => $"lambda={PriorConfidenceNames.Format(g)}")]);
        foreach (var form in confidence.Forms)
            t.Add([form.Name(), .. grid.Select((_, i) => Numbers.F(confidence.Accuracy(form, i), "0.0000"))]);
        t.Print(markdown);
    }

    private static void Note(bool markdown, string text)
    {
        if (markdown) Console.WriteLine($"> {text}\n");
        else TextLine.Write($"[grey]{Markup.Escape(text)}[/]");
    }
}
