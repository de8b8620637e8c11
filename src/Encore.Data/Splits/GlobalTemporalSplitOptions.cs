namespace Encore.Data.Splits;

/// <summary>
/// Where <see cref="GlobalTemporalSplit"/> cuts: at explicit times when <see cref="TestFromMs"/> is set,
/// otherwise at fractions of the events ordered by time.
/// </summary>
public sealed record GlobalTemporalSplitOptions
{
    /// <summary>Events at or after this Unix ms time go to test. Null: cut by <see cref="TestFraction"/>.</summary>
    public long? TestFromMs { get; init; }

    /// <summary>With <see cref="TestFromMs"/>: events in [ValidationFromMs, TestFromMs) go to validation. Null: none.</summary>
    public long? ValidationFromMs { get; init; }

    /// <summary>Share of the latest events that go to test (default 0.2; ties at the cut all go to test).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of events just before the test period that go to validation (default 0: no validation).</summary>
    public double ValidationFraction { get; init; }

    internal void Validate()
    {
        if (TestFromMs is { } test)
        {
            if (ValidationFromMs is { } validation && validation > test)
                throw new ArgumentException($"ValidationFromMs ({validation}) must not be after TestFromMs ({test}).", nameof(ValidationFromMs));
            return;
        }
        if (ValidationFromMs is not null)
            throw new ArgumentException("ValidationFromMs needs TestFromMs; use ValidationFraction with fraction cuts.", nameof(ValidationFromMs));
        if (!(TestFraction > 0 && TestFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, "TestFraction must be in (0, 1).");
        if (!(ValidationFraction >= 0 && TestFraction + ValidationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be >= 0 and leave some training events (TestFraction + ValidationFraction < 1).");
    }
}
