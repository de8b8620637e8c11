using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// An event log cut into train / validation / test. Row arrays are positions in the input table, ascending;
/// together they cover every input row exactly once. Validation is empty when the split has none.
/// </summary>
public sealed class EventSplit
{
    public required EventTable Train { get; init; }
    public required EventTable Validation { get; init; }
    public required EventTable Test { get; init; }
    public required int[] TrainRows { get; init; }
    public required int[] ValidationRows { get; init; }
    public required int[] TestRows { get; init; }

    internal const byte TrainSide = 0;
    internal const byte ValidationSide = 1;
    internal const byte TestSide = 2;

    /// <summary>Builds the split from one side label per input row.</summary>
    internal static EventSplit FromSides(EventTable events, byte[] sides)
    {
        var counts = new int[3];
        foreach (var s in sides) counts[s]++;
        var rows = new[] { new int[counts[0]], new int[counts[1]], new int[counts[2]] };
        var fill = new int[3];
        for (var r = 0; r < sides.Length; r++) rows[sides[r]][fill[sides[r]]++] = r;
        return new EventSplit
        {
            Train = events.Select(rows[TrainSide]),
            Validation = events.Select(rows[ValidationSide]),
            Test = events.Select(rows[TestSide]),
            TrainRows = rows[TrainSide],
            ValidationRows = rows[ValidationSide],
            TestRows = rows[TestSide],
        };
    }
}
