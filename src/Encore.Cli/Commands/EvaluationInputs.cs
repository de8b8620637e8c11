using System.Globalization;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Evaluation.Protocols;

namespace Encore.Cli.Commands;

/// <summary>
/// Parsing shared by evaluate and sweep: the dataset snapshot, cut-offs, the protocol, and <c>--set</c> terms
/// (<c>model.key=value</c> for a model, <c>protocol.key=value</c> and <c>data.key=value</c> for the protocol).
/// </summary>
internal static class EvaluationInputs
{
    /// <summary>How evaluate, sweep and tune let a user override the automatic confidence choice.</summary>
    public const string ProtocolConfidenceOverride = "--set data.confidence=none|log1p|bm25|log|tfidf";

    /// <summary>
    /// The line every command that prepares training values (train, evaluate, sweep, tune) prints when the confidence
    /// transform was chosen from them, "none" included, so a user sees how ratings, signed or binary values were read;
    /// <paramref name="overrideHint"/> is the command's own option for it. Nothing when the transform was set.
    /// </summary>
    public static void PrintConfidenceChoice(ConfidenceChoice? choice, string overrideHint, TextWriter log)
    {
        if (choice is { Automatic: true })
            log.WriteLine($"confidence {choice.Transform.Name} chosen from the data: {choice.Reason} (set {overrideHint} to override)");
    }

    /// <summary>
    /// One line when the relevance threshold was chosen from the ratings (<see cref="Evaluation.Protocols.ProtocolOptions.ThresholdAutomatic"/>):
    /// "threshold = 4 (auto): 4/5 of the highest rating 5 (set --set protocol.threshold=... to override)".
    /// </summary>
    public static void PrintThresholdChoice(Evaluation.Protocols.ProtocolOptions options, TextWriter log)
    {
        if (options.ThresholdAutomatic)
            log.WriteLine($"threshold = {options.ThresholdParameter}: {options.ThresholdOrigin?.Replace("auto: ", "", StringComparison.Ordinal)}; held-out ratings below it are not relevant (set --set protocol.threshold=... to override)");
    }

    /// <summary>
    /// One line per setting <paramref name="model"/> chose from its training data (<see cref="Models.Contract.IDataChoices"/>),
    /// worded like <see cref="PrintConfidenceChoice"/>: "rp3beta: beta 0.2 chosen from the data: ... (set --set rp3beta.beta=... to override)".
    /// </summary>
    public static void PrintDataChoices(string name, Models.Contract.IRecommender model, string setPrefix, TextWriter log)
    {
        if (model is not Models.Contract.IDataChoices chosen) return;
        foreach (var choice in chosen.DataChoices)
            log.WriteLine($"{name}: {choice.Setting} {choice.Value} chosen from the data: {choice.Reason} (set --set {setPrefix}{choice.Setting}=... to override)");
    }

    public static (MusicDataset Dataset, string Name, string Hash) LoadDataset(string folder, CancellationToken ct)
    {
        var manifest = DatasetSnapshot.ReadManifest(folder);
        var dataset = DatasetSnapshot.Read(folder, ct);
        NoteStarRatingLookalike(dataset, Console.Error);
        return (dataset, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), manifest.ContentHash);
    }

    /// <summary>"note: ..." when the data set's plays look like star ratings (<see cref="Data.Ratings.StarRatingLookalike"/>).</summary>
    public static void NoteStarRatingLookalike(MusicDataset dataset, TextWriter log)
    {
        if (Data.Ratings.StarRatingLookalike.Note(dataset) is { } note) log.WriteLine($"note: {note}");
    }

    public static IReadOnlyList<int> ParseKs(string text)
    {
        var ks = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
                throw new ArgumentException($"--k expects positive integers separated by commas (e.g. 5,10,30), got '{part}'.");
            if (!ks.Contains(k)) ks.Add(k);
        }
        if (ks.Count == 0) throw new ArgumentException("--k needs at least one cut-off.");
        ks.Sort();
        return ks;
    }

    /// <summary>The names the ranking protocols measure at every cut-off k (FullRankingEvaluator, ListMetrics).</summary>
    private static readonly string[] MetricsAtK =
        ["ndcg", "precision", "recall", "map", "hitrate", "mrr", "coverage", "novelty", "popularity", "long-tail", "diversity-artist", "diversity-genre"];

    /// <summary>The protocol statistics every ranking run also records (docs/evaluation.md).</summary>
    private static readonly string[] Statistics = ["users", "train-pairs", "held-out-pairs", "target-pairs", "target-users", "unseen-share", "train-events", "held-out-events"];

    /// <summary>
    /// Checks a <c>--metric</c> of the ranking protocols before any data is read: a name of <see cref="MetricsAtK"/> at a
    /// cut-off of <paramref name="ks"/>, or a protocol statistic. Without it a typo trained every model and then sorted
    /// nothing (evaluate) or failed after the first fit (sweep, tune).
    /// </summary>
    /// <exception cref="ArgumentException">The metric is not measured; the message lists the names and cut-offs.</exception>
    public static void CheckMetric(string metric, IReadOnlyList<int> ks)
    {
        if (Statistics.Contains(metric, StringComparer.Ordinal)) return;
        var at = metric.LastIndexOf('@');
        if (at > 0 && MetricsAtK.Contains(metric[..at], StringComparer.Ordinal)
            && int.TryParse(metric.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && ks.Contains(k)) return;
        throw new ArgumentException($"--metric '{metric}' is not measured: use one of {string.Join(", ", MetricsAtK)} at a cut-off k of {string.Join(", ", ks)} " +
            $"(e.g. ndcg@{ks[^1]}), or a protocol statistic ({string.Join(", ", Statistics)}).");
    }

    /// <summary>
    /// <paramref name="metric"/>, except that the default <c>ndcg@10</c> follows <c>--k</c> when 10 is not one of its
    /// cut-offs (<c>--k 3</c> ranks by ndcg@3): NDCG at the cut-off nearest to 10, the smaller on a tie.
    /// </summary>
    public static string MetricFor(string metric, IReadOnlyList<int> ks) =>
        metric == DefaultMetric && !ks.Contains(10) ? $"ndcg@{ks.MinBy(k => (Math.Abs(k - 10), k))}" : metric;

    /// <summary>The default <c>--metric</c> of evaluate, sweep and tune.</summary>
    public const string DefaultMetric = "ndcg@10";

    /// <summary>The cut-off of a metric "name@k" (tune measures only that one), or 10 for a metric without one.</summary>
    public static IReadOnlyList<int> CutOffOf(string metric)
    {
        var at = metric.LastIndexOf('@');
        return at > 0 && int.TryParse(metric.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? [k] : [10];
    }

    /// <summary>Positive integers separated by commas, in the given order, e.g. "10,100" (the option's name goes into the error).</summary>
    public static IReadOnlyList<int> ParseCounts(string option, string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                throw new ArgumentException($"{option} expects positive integers separated by commas (e.g. 10,100), got '{part}'.");
            counts.Add(n);
        }
        if (counts.Count == 0) throw new ArgumentException($"{option} needs at least one number.");
        return counts;
    }

    /// <summary>
    /// The terms of a settings file (<c>encore tune -o</c>) for the given models plus its data / protocol sections, followed by
    /// <paramref name="terms"/> (so that <c>--set</c> wins); just <paramref name="terms"/> without a file. Models without a
    /// section in the file are named on stderr (they run with their defaults).
    /// </summary>
    public static string[] WithSettingsFile(string? file, string[] terms, IReadOnlyCollection<string>? models)
    {
        if (string.IsNullOrWhiteSpace(file)) return terms;
        var sections = Evaluation.Tuning.TunedSettingsFile.Read(file);
        if (models is not null && SettingsFileNote.Missing(file, sections, models) is { } note) Console.Error.WriteLine(note);
        foreach (var name in sections.Keys.ToList())
            if (name is not ("data" or "protocol") && models is not null && !models.Contains(name, StringComparer.OrdinalIgnoreCase)) sections.Remove(name);
        return [.. Evaluation.Tuning.TunedSettingsFile.AsTerms(sections), .. terms];
    }

    /// <summary>Splits "prefix.key=value" terms by prefix (case-insensitive); <paramref name="defaultPrefix"/> applies to terms without a dot.</summary>
    public static Dictionary<string, Dictionary<string, string>> ParseSettings(IEnumerable<string> terms, string? defaultPrefix = null)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            var eq = term.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--set expects prefix.key=value (e.g. als.factors=128, protocol.threshold=2), got '{term}'.");
            var name = term[..eq].Trim();
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var prefix = dot > 0 ? name[..dot] : defaultPrefix
                ?? throw new ArgumentException($"--set '{term}': say which model it is for (als.factors=128) or use protocol. / data.");
            var key = dot > 0 ? name[(dot + 1)..] : name;
            if (!result.TryGetValue(prefix, out var settings)) result[prefix] = settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            settings[key] = term[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>A held-out fraction in [0, 1): the split validates it too, but by its parameter's name ("testFraction must be in [0, 1]").</summary>
    private static double Fraction(string key, string value)
    {
        var fraction = Number(key, value);
        return fraction is >= 0 and < 1 ? fraction
            : throw new ArgumentException($"protocol.{key} expects a fraction from 0 up to but not including 1, got '{value}'.");
    }

    /// <param name="choices">The protocols the command takes, for the error on an unknown one; null: holdout, temporal, given.</param>
    public static ProtocolOptions Protocol(string spec, ulong seed, string on, int? sampled, Dictionary<string, Dictionary<string, string>> settings, string? choices = null)
    {
        if (sampled is < 1) throw new ArgumentException($"--sampled expects a number of sampled negatives of at least 1, got {sampled}.");
        ProtocolOptions parsed;
        try
        {
            parsed = ProtocolOptions.Parse(spec, seed);
        }
        catch (ArgumentException) when (choices is not null)
        {
            throw new ArgumentException($"unknown protocol '{spec}'; use {choices}.");
        }
        var options = parsed with
        {
            Target = on.ToLowerInvariant() switch
            {
                "test" => EvaluationTarget.Test,
                "validation" => EvaluationTarget.Validation,
                _ => throw new ArgumentException($"--on expects test or validation, got '{on}'."),
            },
            SampledNegatives = sampled,
        };
        foreach (var (key, value) in settings.GetValueOrDefault("protocol") ?? [])
        {
            options = Loose(key) switch
            {
                "testfraction" => options with { TestFraction = Fraction(key, value) },
                "validationfraction" => options with { ValidationFraction = Fraction(key, value) },
                "threshold" or "relevancethreshold" => options with { RelevanceThreshold = Threshold(key, value) },
                "grouprelevance" => options with { GroupRelevance = GroupRelevanceValue(value) },
                "grouprepeatshare" => options with { GroupRepeatShare = Share(key, value) },
                "validationseed" => options with { ValidationSeed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var vs) ? vs : throw new ArgumentException($"protocol.{key} expects a whole number >= 0, got '{value}'.") },
                _ => throw new ArgumentException($"unknown protocol setting '{key}'; use test-fraction, validation-fraction, threshold, group-relevance, group-repeat-share or validation-seed."),
            };
        }
        var aggregation = options.Aggregation;
        foreach (var (key, value) in settings.GetValueOrDefault("data") ?? [])
        {
            if (Loose(key) == "ratings")
            {
                options = options with { Ratings = RatingSignalValue(value) };
                continue;
            }
            aggregation = Loose(key) switch
            {
                "confidence" => aggregation with { Confidence = Confidence(value) },
                "usevalues" or "useeventvalue" => aggregation with { UseEventValue = bool.TryParse(value, out var b) ? b : throw new ArgumentException($"data.{key} expects true or false, got '{value}'.") },
                _ => throw new ArgumentException($"unknown data setting '{key}'; use confidence (auto, none, log1p, log, bm25, tfidf, linear:ALPHA), use-values (true, false) or ratings (auto, ignore, values, positive, signed)."),
            };
        }
        return options with { Aggregation = aggregation };
    }

    /// <summary>Parses data.ratings: auto, ignore (events), values, positive or signed (docs/ratings.md).</summary>
    public static Data.Ratings.RatingSignal RatingSignalValue(string value) => Data.Ratings.RatingSignalNames.Parse(value, "data.ratings");

    /// <summary>
    /// A relevance threshold: a finite score above 0. At 0 or below a pair without positive signal (a skip, a dislike, a
    /// rating under the scale) would count as relevant; a negative threshold once passed without a word.
    /// </summary>
    private static float Threshold(string key, string value)
    {
        var threshold = Number(key, value);
        return threshold > 0 && double.IsFinite(threshold) && threshold <= float.MaxValue ? (float)threshold
            : throw new ArgumentException($"protocol.{key} expects a score above 0 (a play count or a rating on the source's scale), got '{value}'.");
    }

    private static double Share(string key, string value)
    {
        var share = Number(key, value);
        return share is >= 0 and <= 1 ? share : throw new ArgumentException($"protocol.{key} expects a share between 0 and 1, got '{value}'.");
    }

    private static GroupRelevance GroupRelevanceValue(string value) => value.Trim().ToLowerInvariant() switch
    {
        "any" => GroupRelevance.Any,
        "new" => GroupRelevance.New,
        _ => throw new ArgumentException($"protocol.group-relevance expects any (SPEC S1: every held-out track, repeats included) or new (only tracks new to the member), got '{value}'."),
    };

    // The grammar train's --confidence and the service's retrain.confidence take too (one parser).
    private static ConfidenceTransform Confidence(string name)
    {
        try
        {
            return ConfidenceTransformNames.Parse(name);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"data.confidence {ex.Message}", ex);
        }
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
            : throw new ArgumentException($"protocol.{key} expects a number, got '{value}'.");

    private static string Loose(string key) => key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
