using Encore.Core.Errors;
using Encore.Data.Model;
using Encore.Data.Splits;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// The sets of one six-candidate run: the test lists with the training ratings they are scored from, and
/// a validation carve of those training ratings (lists + the inner training ratings) for every learned choice.
/// Built from the dataset's rating events directly (every level), never from aggregated interactions.
/// </summary>
public sealed class SixCandidateData
{
    public required RatingTable Train { get; init; }
    public required CandidateSet Test { get; init; }
    public required RatingTable InnerTrain { get; init; }
    public required CandidateSet Validation { get; init; }
    public required bool Given { get; init; }

    /// <summary>Draws (or takes) the test lists and carves the validation lists from training.</summary>
    /// <exception cref="DataFormatException">No track ratings, unlabelled given lists, or too few eligible users.</exception>
    public static SixCandidateData Prepare(MusicDataset dataset, SixCandidateOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var ratings = dataset.Ratings;
        if (!ratings.Levels.Contains(EntityLevel.Track))
            throw new DataFormatException(dataset.Source, 0, "ratings", "the six-candidate protocol needs track ratings (SPEC S4 / KDD Cup 2011 track 2 data, or `encore synth --preset hierarchy`); this dataset has none.");
        RatingTable train;
        CandidateSet test;
        if (options.UseGivenCandidates)
        {
            var c = dataset.Candidates;
            if (c.Count == 0) throw new DataFormatException(dataset.Source, 0, "candidates", "--protocol six-candidate:given needs labelled candidate lists in the dataset (a test file with a label column); it has none.");
            if (c.Labels.Any(l => l is not (0 or 1)))
                throw new DataFormatException(dataset.Source, 0, "labels", "the dataset's candidate lists are unlabelled (the public KDD test file has no labels): use --protocol six-candidate to draw labelled lists from the ratings.");
            train = ratings;
            test = new CandidateSet(c.Users, c.Tracks, [.. c.Labels.Select(l => l == 1)], dataset.Source);
        }
        else
        {
            var split = new SixCandidateSplit(new SixCandidateSplitOptions { PositiveThreshold = options.Threshold, Seed = options.Seed }).Split(ratings, dataset.Tracks.Count);
            train = split.Train;
            test = From(split.Candidates, "drawn test lists");
        }
        if (test.Count == 0)
            throw new DataFormatException(dataset.Source, 0, "ratings", $"no user has {3} tracks rated at or above {options.Threshold} plus another rating: no test lists can be drawn.");
        var eligible = EligibleUsers(train, options.Threshold);
        var fraction = eligible == 0 ? 1.0 : Math.Min(1.0, (double)options.ValidationUsers / eligible);
        var carve = new SixCandidateSplit(new SixCandidateSplitOptions
        {
            PositiveThreshold = options.Threshold,
            Seed = options.Seed ^ 0x5A17_DA7A_0000_0001UL,
            UserFraction = fraction,
        }).Split(train, dataset.Tracks.Count);
        var validation = From(carve.Candidates, "validation lists");
        if (validation.Blocks < 10)
            throw new DataFormatException(dataset.Source, 0, "ratings", $"only {validation.Blocks} users can give a validation list after the test lists leave: too few to learn the fallback, the classifiers and the ensemble.");
        return new SixCandidateData { Train = train, Test = test, InnerTrain = carve.Train, Validation = validation, Given = options.UseGivenCandidates };
    }

    private static CandidateSet From(CandidateTable c, string source) =>
        new(c.Users, c.Tracks, [.. c.Labels.Select(l => l == 1)], source);

    /// <summary>Users with at least three track ratings at or above <paramref name="threshold"/>.</summary>
    internal static int EligibleUsers(RatingTable ratings, float threshold)
    {
        var liked = new Dictionary<int, HashSet<int>>();
        for (var r = 0; r < ratings.Count; r++)
        {
            if (ratings.Levels[r] != EntityLevel.Track || ratings.Values[r] < threshold) continue;
            if (!liked.TryGetValue(ratings.Users[r], out var set)) liked[ratings.Users[r]] = set = [];
            set.Add(ratings.Targets[r]);
        }
        return liked.Values.Count(s => s.Count >= 3);
    }
}
