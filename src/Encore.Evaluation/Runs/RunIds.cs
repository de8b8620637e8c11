using System.Globalization;

namespace Encore.Evaluation.Runs;

/// <summary>
/// Run and sweep ids: the start time (sortable, readable) plus 6 random hex digits so that runs started in
/// the same second by concurrent processes never collide. Ids are labels, not a randomised result.
/// </summary>
public static class RunIds
{
    public static string NewRunId(DateTimeOffset startedAt) => New("r", startedAt);

    public static string NewSweepId(DateTimeOffset startedAt) => New("s", startedAt);

    private static string New(string prefix, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{at.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
}
