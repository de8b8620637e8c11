using Encore.Data.Import.Common;
using Encore.Data.Text;

namespace Encore.Data.Import.KddCup;

/// <summary>
/// Tracks the <c>UserId|N</c> block structure of trainIdx2 / testIdx2: each header promises N item lines.
/// A header arriving early, or the file ending, while lines are still owed is a fault naming the header's line.
/// Header lines are counted as headers (the report's rows are item lines), and a header's user is registered with
/// the block's first accepted item line (<see cref="RegisterUser"/>): a block whose every line is rejected registers
/// no user, as a rejected row registers no id in every other importer.
/// </summary>
internal sealed class KddBlocks(KddContext ctx, DelimitedReader reader)
{
    private long _owed;
    private long _headerLine;
    private byte[] _userText = new byte[32];
    private int _userLength = -1;
    private int _user = -1;

    /// <summary>True inside a block whose header was valid: its item lines are read.</summary>
    public bool InBlock => _userLength >= 0;

    /// <summary>Dense index of the current block's user, registering it on first use; call only for an accepted item line of a block (<see cref="InBlock"/>).</summary>
    public int RegisterUser()
    {
        if (_user < 0) DelimitedRow.TryId(_userText.AsSpan(0, _userLength), ctx.Builder.Users, out _user);
        return _user;
    }

    /// <summary>True when the line is a block header (handled here); false when it is an item line of the current block.</summary>
    public bool TryHeader(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf((byte)'|') < 0)
        {
            if (_owed > 0) _owed--;
            else if (InBlock || _headerLine == 0)
            {
                ctx.Report.Fault(FaultRules.Malformed, reader.LineError(_headerLine == 0
                    ? "expected a block header UserId|N before the first item line."
                    : $"more item lines than the block header at line {_headerLine} declared; expected a header UserId|N."));
                _userLength = -1;
            }
            return false;
        }
        CheckComplete();
        reader.CountAsHeader();
        var row = reader.Split(line, (byte)'|');
        _headerLine = reader.LineNumber;
        _userLength = -1;
        _user = -1;
        _owed = 0;
        if (row.CheckFieldCount(["UserId", "N"]) is { } bad) { ctx.Report.Fault(FaultRules.FieldCount, bad); return true; }
        if (!Utf8Numbers.TryLong(row[0], out _)) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(0, "UserId", "expected an integer user id")); return true; }
        if (!row.TryInt(1, out var n) || n < 0) { ctx.Report.Fault(FaultRules.BadNumber, row.Error(1, "N", "expected the block's item count (integer >= 0)")); return true; }
        // An integer id is ASCII: its text is copied and registered with the first accepted item line.
        if (row[0].Length > _userText.Length) _userText = new byte[row[0].Length];
        row[0].CopyTo(_userText);
        _userLength = row[0].Length;
        _owed = n;
        return true;
    }

    /// <summary>Call at end of file (and before each new header): lines still owed are a fault.</summary>
    public void CheckComplete()
    {
        if (_owed <= 0) return;
        var where = reader.LineNumber;
        ctx.Report.Fault(FaultRules.Malformed, new Core.Errors.DataFormatException(reader.File, _headerLine, "N",
            $"the block header declares {_owed} more item line(s) than follow it (block ends at line {where})."));
        _owed = 0;
    }
}
