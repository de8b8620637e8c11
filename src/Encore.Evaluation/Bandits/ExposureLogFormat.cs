namespace Encore.Evaluation.Bandits;

/// <summary>Shapes <see cref="ExposureLog"/> reads.</summary>
public enum ExposureLogFormat
{
    /// <summary>PIKI when the header names <c>personalized</c>, else Yahoo! R3.</summary>
    Auto,

    /// <summary>user, song, rating (R3's test part).</summary>
    YahooR3,

    /// <summary>PIKI CSV, rows with personalized = 0.</summary>
    Piki,
}
