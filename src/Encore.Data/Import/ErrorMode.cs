namespace Encore.Data.Import;

/// <summary>What an importer does with a bad row.</summary>
public enum ErrorMode
{
    /// <summary>Stop at the first bad row with its file, line, field and what was expected.</summary>
    Strict,
    /// <summary>Skip bad rows, count them per rule, keep the first examples in the report.</summary>
    Lenient,
}
