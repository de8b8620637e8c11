using Encore.Core.Errors;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Models.Contract;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// The training data of <c>encore train &lt;dataset&gt; --model hierarchy</c>: users x tracks over the dataset's own id
/// maps (the track ratings as values, kept as the "seen" set), with the S4 hierarchy attached: the catalogue links,
/// every rating of every level, and validation six-candidate lists carved from those ratings with the same rule and
/// seed derivation as <c>evaluate --protocol six-candidate</c> (3 liked hidden + 3 never-rated drawn by high-rating count).
/// </summary>
public static class HierarchyTraining
{
    /// <summary>Builds the training data; <paramref name="options"/> gives the threshold, seed, validation users and rating source.</summary>
    /// <exception cref="DataFormatException">The dataset has no track ratings (and no interactions to derive them from).</exception>
    public static (TrainingData Data, string Description) Build(MusicDataset dataset, SixCandidateOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (options, dataset) = options.Resolve(dataset);
        var ratings = dataset.Ratings;
        if (!ratings.Levels.Contains(EntityLevel.Track))
            throw new DataFormatException(dataset.Source, 0, "ratings", "the hierarchy model needs track ratings (SPEC S4 / KDD Cup 2011 track 2 data, or `encore synth --preset hierarchy`); this dataset has none.");
        var catalogue = HierarchyInputs.Catalogue(dataset);
        var users = dataset.Users.Count;
        var all = HierarchyInputs.Ratings(ratings, users, catalogue);
        ct.ThrowIfCancellationRequested();
        var eligible = SixCandidateData.EligibleUsers(ratings, options.Threshold);
        ValidationLists? validation = null;
        if (eligible > 0)
        {
            var carve = new SixCandidateSplit(new SixCandidateSplitOptions
            {
                PositiveThreshold = options.Threshold,
                Seed = options.Seed ^ 0x5A17_DA7A_0000_0001UL,
                UserFraction = Math.Min(1.0, (double)options.ValidationUsers / eligible),
            }).Split(ratings, dataset.Tracks.Count);
            var c = carve.Candidates;
            if (c.Count > 0)
                validation = new ValidationLists(HierarchyInputs.Ratings(carve.Train, users, catalogue), [.. c.Users], [.. c.Tracks], [.. c.Labels.Select(l => l == 1)]);
        }
        var data = new TrainingData(all.At(HierarchyLevel.Track), dataset.Users, dataset.Tracks)
        {
            Hierarchy = new HierarchyInput(catalogue, all, validation),
        };
        var levels = string.Join(", ", Enumerable.Range(0, 4).Select(l => $"{all.At((HierarchyLevel)l).NonZeros:N0} {((HierarchyLevel)l).ToString().ToLowerInvariant()}"));
        var missing = catalogue.HasAlbums ? "" : "; no album links (the album level is missing)";
        var description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"ratings: {levels}; {validation?.Blocks ?? 0:N0} validation lists (threshold {options.Threshold:0.##}, seed {options.Seed}){missing}");
        if (options.Ratings == RatingSource.Interactions) description += $"; {DerivedRatings.Description}";
        return (data, description);
    }
}
