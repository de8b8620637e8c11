using Encore.Core.Sparse;
using Encore.Models.Content.Affinity;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// Issue 12 item 1 inside the content model: a total <= 0 (skip, dislike) never shapes a taste profile and is never
/// a positive training label. Track 0 points along x, track 1 along y; the user played track 0 and disliked track 1.
/// </summary>
public sealed class ContentSignalTests
{
    private static readonly float[] Vectors = [1f, 0f, 0f, 1f, 0.7f, 0.7f];

    private static readonly CsrMatrix PlayedAndDisliked = CsrMatrix.FromTriples(1, 3, [0, 0], [0, 1], [2f, -1f]);

    [Theory]
    [InlineData(ProfileWeighting.Uniform)]
    [InlineData(ProfileWeighting.Value)]
    public void Profile_IgnoresTheDislikedTrack(ProfileWeighting weighting)
    {
        var profile = UserProfiles.Build(PlayedAndDisliked, Vectors, 2, weighting);

        Assert.Equal([1f, 0f], profile);
    }

    [Fact]
    public void Samples_NeverLabelTheDislikedTrackPositive()
    {
        var profiles = UserProfiles.Build(PlayedAndDisliked, Vectors, 2, ProfileWeighting.Uniform);

        var samples = AffinitySamples.Build(PlayedAndDisliked, Vectors, profiles, null, 2,
            new AffinityOptions { NegativeRatio = 1, ProductFeatures = false }, CancellationToken.None);

        // One positive (track 0); its row is profile (1, 0) then track 0's vector (1, 0).
        Assert.Equal(1, samples.Positives);
        var positive = Array.IndexOf(samples.Labels, true);
        Assert.Equal([1f, 0f, 1f, 0f], samples.Rows.AsSpan(positive * samples.Width, samples.Width).ToArray());
        // Its one negative is drawn from tracks the user has not seen: never the disliked track 1.
        var negative = Array.IndexOf(samples.Labels, false);
        Assert.Equal([1f, 0f, 0.7f, 0.7f], samples.Rows.AsSpan(negative * samples.Width, samples.Width).ToArray());
    }
}
