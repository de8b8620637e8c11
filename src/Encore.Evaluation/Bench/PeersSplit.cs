using System.Buffers.Text;
using Encore.Core.Errors;
using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Data.Text;
using Encore.Models.Contract;

namespace Encore.Evaluation.Bench;

/// <summary>
/// A PEERS.md benchmark split: a folder with <c>train.tsv[.gz]</c> and <c>test.tsv[.gz]</c> (header
/// <c>user item value</c>, original ids). Training values are kept as given. Test pairs of users unknown to
/// training are dropped; test items unknown to training stay as -1, so they count in |test| but can never be hit.
/// </summary>
public sealed class PeersSplit
{
    private PeersSplit(TrainingData train, int[][] test, string folder)
    {
        Train = train;
        Test = test;
        Folder = folder;
    }

    public TrainingData Train { get; }

    /// <summary>Test items per user (dense user index), sorted; -1 for items training never saw. Empty when none.</summary>
    public IReadOnlyList<int[]> Test { get; }

    public string Folder { get; }

    /// <summary>Number of test pairs kept (users known to training).</summary>
    public long TestPairs { get; private init; }

    /// <summary>Loads a split folder; <paramref name="binary"/> replaces every training value by 1.</summary>
    /// <remarks>Files whose ids are plain decimal numbers (PEERS.md's splits) are parsed in parallel without per-line
    /// allocation (<see cref="NumericTripleReader"/>); any other file, and any file with a problem, is read line by
    /// line, which names the file, line and field of the first problem. Both give the same matrix and test lists.</remarks>
    /// <exception cref="FileNotFoundException">The folder has no train.tsv[.gz] or test.tsv[.gz].</exception>
    /// <exception cref="DataFormatException">A split file is malformed.</exception>
    public static PeersSplit Load(string folder, bool binary = false, CancellationToken cancellationToken = default) =>
        Load(folder, binary, fast: true, cancellationToken);

    /// <summary><see cref="Load(string, bool, CancellationToken)"/>, with the parallel path for numeric ids turned off
    /// when <paramref name="fast"/> is false (the reference the fast path is tested against).</summary>
    internal static PeersSplit Load(string folder, bool binary, bool fast, CancellationToken cancellationToken)
    {
        var trainPath = Find(folder, "train");
        var testPath = Find(folder, "test");
        var numeric = fast ? NumericTripleReader.TryRead(trainPath, 0, cancellationToken) : null;
        return numeric is null
            ? LoadLineByLine(folder, trainPath, testPath, binary, cancellationToken)
            : LoadNumeric(folder, numeric, testPath, binary, cancellationToken);
    }

    private static PeersSplit LoadLineByLine(string folder, string trainPath, string testPath, bool binary, CancellationToken cancellationToken)
    {
        var users = new IdMap();
        var items = new IdMap();
        var train = new Pairs();
        Read(trainPath, users, items, train, addNew: true, cancellationToken);
        if (binary) train.Values.AsSpan(0, train.Count).Fill(1f);
        var matrix = CsrMatrix.FromTriples(users.Count, items.Count, train.Rows.AsSpan(0, train.Count), train.Columns.AsSpan(0, train.Count), train.Values.AsSpan(0, train.Count));
        var testPairs = new Pairs();
        Read(testPath, users, items, testPairs, addNew: false, cancellationToken);
        return new PeersSplit(new TrainingData(matrix, users, items), GroupByUser(testPairs, users.Count), folder) { TestPairs = testPairs.Count };
    }

    private static PeersSplit LoadNumeric(string folder, NumericTriples numeric, string testPath, bool binary, CancellationToken cancellationToken)
    {
        var (train, userKeys, itemKeys) = NumericTrain(numeric, binary);
        var (users, items) = (train.Users, train.Items);
        var testPairs = new Pairs();
        var test = NumericTripleReader.TryRead(testPath, 0, cancellationToken);
        if (test is null)
        {
            Read(testPath, users, items, testPairs, addNew: false, cancellationToken);
        }
        else
        {
            for (var p = 0; p < test.Count; p++)
            {
                var user = userKeys.IndexOf(test.First[p]);
                if (user >= 0) testPairs.Add(user, itemKeys.IndexOf(test.Second[p]), test.Values[p]);
            }
        }
        return new PeersSplit(train, GroupByUser(testPairs, users.Count), folder) { TestPairs = testPairs.Count };
    }

    // Ids in first-appearance order, as the line-by-line path numbers them; the id strings are made once per distinct id.
    private static (TrainingData Train, IntKeyMap Users, IntKeyMap Items) NumericTrain(NumericTriples train, bool binary)
    {
        var userKeys = new IntKeyMap();
        var itemKeys = new IntKeyMap();
        var count = train.Count;
        var rows = train.First.AsSpan(0, count);
        var columns = train.Second.AsSpan(0, count);
        userKeys.MapInPlace(rows);
        itemKeys.MapInPlace(columns);
        if (binary) train.Values.AsSpan(0, count).Fill(1f);
        var matrix = CsrMatrix.FromTriples(userKeys.Count, itemKeys.Count, rows, columns, train.Values.AsSpan(0, count));
        return (new TrainingData(matrix, userKeys.ToIdMap(), itemKeys.ToIdMap()), userKeys, itemKeys);
    }

    /// <summary>Only the training part of a split folder (train.tsv[.gz]; the test file is neither needed nor read), as
    /// <see cref="Load(string, bool, CancellationToken)"/> reads it: what a fit without scoring needs.</summary>
    /// <exception cref="FileNotFoundException">The folder has no train.tsv[.gz].</exception>
    /// <exception cref="DataFormatException">The train file is malformed.</exception>
    public static TrainingData LoadTrain(string folder, bool binary = false, CancellationToken cancellationToken = default) =>
        LoadTrainFile(Find(folder, "train"), binary, cancellationToken);

    /// <summary>One triples file in a split's format (<c>user item value</c> header, tab-separated, optionally gzipped), read as
    /// <see cref="LoadTrain"/> reads train.tsv: ids numbered in first-appearance order, values kept unless <paramref name="binary"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is malformed (file, line and field are named).</exception>
    public static TrainingData LoadTrainFile(string trainPath, bool binary = false, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(trainPath)) throw new FileNotFoundException($"{trainPath} does not exist.", trainPath);
        if (NumericTripleReader.TryRead(trainPath, 0, cancellationToken) is { } numeric)
        {
            var (train, _, _) = NumericTrain(numeric, binary);
            return train;
        }
        var users = new IdMap();
        var items = new IdMap();
        var pairs = new Pairs();
        Read(trainPath, users, items, pairs, addNew: true, cancellationToken);
        if (binary) pairs.Values.AsSpan(0, pairs.Count).Fill(1f);
        return new TrainingData(CsrMatrix.FromTriples(users.Count, items.Count, pairs.Rows.AsSpan(0, pairs.Count), pairs.Columns.AsSpan(0, pairs.Count), pairs.Values.AsSpan(0, pairs.Count)), users, items);
    }

    /// <summary>Dense indices of the users with at least one test item, ascending.</summary>
    public int[] TestUsers()
    {
        var count = 0;
        foreach (var t in Test) if (t.Length > 0) count++;
        var result = new int[count];
        count = 0;
        for (var u = 0; u < Test.Count; u++) if (Test[u].Length > 0) result[count++] = u;
        return result;
    }

    private static string Find(string folder, string name)
    {
        var plain = Path.Combine(folder, name + ".tsv");
        if (File.Exists(plain)) return plain;
        if (File.Exists(plain + ".gz")) return plain + ".gz";
        throw new FileNotFoundException($"{folder} is not a PEERS split folder: neither {name}.tsv nor {name}.tsv.gz exists.", plain);
    }

    private static void Read(string path, IdMap users, IdMap items, Pairs pairs, bool addNew, CancellationToken cancellationToken)
    {
        using var reader = new LineReader(InputFile.Open(path), path);
        if (!reader.TryReadLine(out _)) throw new DataFormatException(path, 1, "header", "a header line 'user item value'");
        var userChars = new char[256];
        var itemChars = new char[256];
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            if ((reader.LineNumber & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var tab1 = line.IndexOf((byte)'\t');
            var rest = tab1 < 0 ? default : line[(tab1 + 1)..];
            var tab2 = rest.IndexOf((byte)'\t');
            if (tab1 <= 0 || tab2 <= 0) throw new DataFormatException(path, reader.LineNumber, "line", "three tab-separated fields: user, item, value");
            var valueField = rest[(tab2 + 1)..];
            if (!Utf8Parser.TryParse(valueField, out float value, out var used) || used != valueField.Length || !float.IsFinite(value))
                throw new DataFormatException(path, reader.LineNumber, "value", "a finite number");
            var userId = Decode(line[..tab1], ref userChars);
            var itemId = Decode(rest[..tab2], ref itemChars);
            int user, item;
            if (addNew)
            {
                user = users.GetOrAdd(userId);
                item = items.GetOrAdd(itemId);
            }
            else
            {
                if (!users.TryGetIndex(userId, out user)) continue;
                if (!items.TryGetIndex(itemId, out item)) item = -1;
            }
            pairs.Add(user, item, value);
        }
    }

    // Ids are decoded into reusable buffers: known ids are looked up without allocating a string.
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes, ref char[] buffer)
    {
        if (buffer.Length < bytes.Length) buffer = new char[bytes.Length];
        var count = System.Text.Encoding.UTF8.GetChars(bytes, buffer);
        return buffer.AsSpan(0, count);
    }

    private static int[][] GroupByUser(Pairs pairs, int users)
    {
        var counts = new int[users];
        for (var p = 0; p < pairs.Count; p++) counts[pairs.Rows[p]]++;
        var result = new int[users][];
        for (var u = 0; u < users; u++) result[u] = counts[u] == 0 ? [] : new int[counts[u]];
        Array.Clear(counts);
        for (var p = 0; p < pairs.Count; p++) result[pairs.Rows[p]][counts[pairs.Rows[p]]++] = pairs.Columns[p];
        foreach (var row in result) Array.Sort(row);
        return result;
    }
}
