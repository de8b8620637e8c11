using Encore.Data.Import.Common;
using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.LastFm1K;

/// <summary>Reads userid-profile.tsv: <c>#id gender age country registered</c>; empty values stay null.</summary>
internal static class LastFm1KProfileReader
{
    private static readonly string[] Attributes = ["gender", "age", "country", "registered"];

    public static void Read(string path, MusicDatasetBuilder b, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var reader = new DelimitedReader(path, (byte)'\t', options, quoting: false, progress, ct);
        var values = new string?[Attributes.Length];
        while (reader.TryRead(out var row))
        {
            if (row.LineNumber == 1 && row.Line[0] == '#')
            {
                reader.CountAsHeader();
                continue;
            }
            if (row.CheckFieldCount(["id", "gender", "age", "country", "registered"]) is { } bad) { report.Fault(FaultRules.FieldCount, bad); continue; }
            if (row[0].IsEmpty) { report.Fault(FaultRules.EmptyId, row.Error(0, "id", "expected a user id")); continue; }
            if (!row.IsId(0)) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(0, "id")); continue; }
            if (!row[2].IsEmpty && !row.TryInt(2, out _)) { report.Fault(FaultRules.BadNumber, row.Error(2, "age", "expected an integer age or nothing")); continue; }
            var badAttribute = -1;
            for (var i = 0; i < Attributes.Length && badAttribute < 0; i++)
            {
                values[i] = row[i + 1].IsEmpty ? null : row.TryString(i + 1);
                if (values[i] is null && !row[i + 1].IsEmpty) badAttribute = i;
            }
            if (badAttribute >= 0) { report.Fault(FaultRules.BadUtf8, row.InvalidUtf8(badAttribute + 1, Attributes[badAttribute])); continue; }
            // Registered only once every field passed: a rejected profile leaves no user behind.
            row.TryId(0, b.Users, out var user);
            for (var i = 0; i < Attributes.Length; i++)
                if (values[i] is { } value) b.UserInfo.SetAttribute(user, Attributes[i], value);
        }
        report.Count(Path.GetFileName(path) + " rows", reader.DataRows);
    }
}
