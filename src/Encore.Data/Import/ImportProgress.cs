namespace Encore.Data.Import;

/// <summary>Progress of a streaming import: bytes of the current file and rows read so far.</summary>
public readonly record struct ImportProgress(string File, long BytesRead, long TotalBytes, long Rows);
