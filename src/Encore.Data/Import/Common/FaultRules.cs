namespace Encore.Data.Import.Common;

/// <summary>Names of the fault and removal rules importers count under, shared so reports read alike.</summary>
internal static class FaultRules
{
    public const string FieldCount = "wrong field count";
    public const string BadNumber = "bad number";
    public const string BadTime = "bad timestamp";
    public const string BadUtf8 = "invalid UTF-8";
    public const string EmptyId = "empty id";
    public const string Unknown = "unknown reference";
    public const string OutOfRange = "value out of range";
    public const string Malformed = "malformed line";
    public const string Duplicate = "exact duplicate row";
}
