namespace Encore.Online.Experiments;

/// <summary>What the user did with one shown track (an impression); each kind is counted at most once per impression.</summary>
[Flags]
public enum ImpressionOutcome
{
    /// <summary>No attributed feedback.</summary>
    None = 0,

    /// <summary>At least one play event was attributed.</summary>
    Played = 1,

    /// <summary>At least one like event was attributed.</summary>
    Liked = 2,

    /// <summary>At least one skip event was attributed.</summary>
    Skipped = 4,
}

/// <summary>How many of one user's impressions in one variant ended with exactly <paramref name="Outcome"/>.</summary>
/// <param name="User">External user id.</param>
/// <param name="Outcome">The combination of attributed kinds.</param>
/// <param name="Impressions">Number of impressions with that combination (≥ 1).</param>
public sealed record OutcomeCount(string User, ImpressionOutcome Outcome, long Impressions);

/// <summary>The attribution rule's event kinds.</summary>
public static class ImpressionOutcomes
{
    /// <summary>The flag an event kind sets on the impression it is attributed to (None for kinds that are not attributed).</summary>
    public static ImpressionOutcome Of(Encore.Data.Model.EventKind kind) => kind switch
    {
        Encore.Data.Model.EventKind.Play => ImpressionOutcome.Played,
        Encore.Data.Model.EventKind.Like => ImpressionOutcome.Liked,
        Encore.Data.Model.EventKind.Skip => ImpressionOutcome.Skipped,
        _ => ImpressionOutcome.None,
    };
}
