using Encore.Core.Errors;
using Encore.Data.Import.Common;

namespace Encore.Data.Import.Ium;

/// <summary>
/// The files of one IUM import, found by name in folders or given one by one (each may be <c>.gz</c>).
/// <c>track_storage.jsonl</c> is recognised and ignored; per-user <c>sessions_user_&lt;id&gt;.jsonl</c> count as sessions.
/// </summary>
internal sealed record IumInputFiles(string Users, string Tracks, string? Artists, IReadOnlyList<string> Sessions, IReadOnlyList<string> Ignored)
{
    public static IumInputFiles Resolve(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new DataFormatException("(no input)", 0, "", "no folder or file given; expected a folder holding tracks.jsonl, users.jsonl and sessions.jsonl.");
        string? users = null, tracks = null, artists = null;
        var sessions = new List<string>();
        var ignored = new List<string>();
        foreach (var file in ImportPaths.Once(Candidates(paths)))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
            switch (name.ToLowerInvariant())
            {
                case "users.jsonl": Assign(ref users, file); break;
                case "tracks.jsonl": Assign(ref tracks, file); break;
                case "artists.jsonl": Assign(ref artists, file); break;
                case "sessions.jsonl": sessions.Add(file); break;
                case var n when n.StartsWith("sessions_user_", StringComparison.Ordinal) && n.EndsWith(".jsonl", StringComparison.Ordinal):
                    sessions.Add(file);
                    break;
                default: ignored.Add(file); break;
            }
        }
        var where = string.Join(", ", paths);
        if (sessions.Count == 0) throw new DataFormatException(where, 0, "", "no sessions.jsonl (or sessions_user_<id>.jsonl) found; the IUM format needs the session log.");
        if (tracks is null) throw new DataFormatException(where, 0, "", "no tracks.jsonl found; events are checked against the track catalogue.");
        if (users is null) throw new DataFormatException(where, 0, "", "no users.jsonl found; events are checked against the user list.");
        return new IumInputFiles(users, tracks, artists, sessions, ignored);
    }

    private static IEnumerable<string> Candidates(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path, "*.jsonl*");
                Array.Sort(files, StringComparer.Ordinal);
                foreach (var f in files) yield return f;
            }
            else if (File.Exists(path)) yield return path;
            else throw new FileNotFoundException($"{path}: file not found.", path);
        }
    }

    private static void Assign(ref string? slot, string file)
    {
        if (slot is not null) throw new DataFormatException(file, 0, "", $"a second {Path.GetFileName(file)} was given (the first was {slot}); pass one edition at a time.");
        slot = file;
    }
}
