using Encore.Core.Errors;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// Labelled candidate lists stored as consecutive blocks of <see cref="BlockSize"/> tracks per user, each
/// with exactly <see cref="Liked"/> liked (the SPEC S4 / KDD Cup 2011 track 2 shape: 6 and 3).
/// </summary>
public sealed class CandidateSet
{
    /// <exception cref="DataFormatException">A block that is not one user's, of the block size, with the liked count.</exception>
    public CandidateSet(int[] users, int[] tracks, bool[] labels, string source, int blockSize = 6, int liked = 3)
    {
        if (users.Length != tracks.Length || users.Length != labels.Length)
            throw new ArgumentException("Candidate users, tracks and labels must have the same length.");
        if (users.Length % blockSize != 0)
            throw new DataFormatException(source, 0, "candidates", $"{users.Length} candidates is not a whole number of lists of {blockSize}.");
        for (var start = 0; start < users.Length; start += blockSize)
        {
            var count = 0;
            for (var i = start; i < start + blockSize; i++)
            {
                if (users[i] != users[start])
                    throw new DataFormatException(source, 0, "candidates", $"candidate list {start / blockSize + 1} mixes users: each user needs {blockSize} consecutive candidates.");
                if (labels[i]) count++;
            }
            if (count != liked)
                throw new DataFormatException(source, 0, "labels", $"candidate list {start / blockSize + 1} has {count} liked tracks; expected exactly {liked} of {blockSize}.");
        }
        Users = users;
        Tracks = tracks;
        Labels = labels;
        BlockSize = blockSize;
        Liked = liked;
    }

    public int[] Users { get; }
    public int[] Tracks { get; }
    public bool[] Labels { get; }
    public int BlockSize { get; }
    public int Liked { get; }
    public int Count => Users.Length;
    public int Blocks => Users.Length / BlockSize;

    /// <summary>The user of each block.</summary>
    public int[] BlockUsers() => [.. Enumerable.Range(0, Blocks).Select(b => Users[b * BlockSize])];

    /// <summary>The candidates of the given blocks (ascending block indices).</summary>
    public CandidateSet Select(IReadOnlyList<int> blocks)
    {
        var n = blocks.Count * BlockSize;
        var (u, t, l) = (new int[n], new int[n], new bool[n]);
        for (var j = 0; j < blocks.Count; j++)
        {
            Array.Copy(Users, blocks[j] * BlockSize, u, j * BlockSize, BlockSize);
            Array.Copy(Tracks, blocks[j] * BlockSize, t, j * BlockSize, BlockSize);
            Array.Copy(Labels, blocks[j] * BlockSize, l, j * BlockSize, BlockSize);
        }
        return new CandidateSet(u, t, l, "selection", BlockSize, Liked);
    }
}
