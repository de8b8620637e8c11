namespace Encore.Data.Text;

/// <summary>
/// <see cref="NumericTripleReader"/>'s path for a gzip file on two or more cores: the calling thread inflates the file
/// block by block into one buffer while one parser thread parses the lines already inflated, so inflate (one core,
/// ~450 MB/s here) and parse (~600 MB/s a core) overlap instead of running one after the other. The parser takes
/// the complete lines inflated so far (up to the last line end) as one chunk; the line cut by the block edge waits
/// for the next block. One parser in file order writes the triples in file order, the same triples and the same
/// "not mine" (null) answers as inflating the whole file first and parsing it (<see cref="NumericTripleReader.TryParse"/>).
/// </summary>
/// <remarks>The inflater stops early when the parser meets a line outside the fast form (the caller then reads the
/// file line by line anyway). Inflation is single-threaded by nature (one deflate stream), so a second parser would
/// only wait: parsing a chunk costs less than inflating it.</remarks>
internal static class GzipTriplePipeline
{
    /// <summary>Bytes inflated between two hand-overs to the parser.</summary>
    private const int InflateBlockBytes = 256 * 1024;

    /// <summary>Reads <paramref name="source"/> (header line, then triples) as described above; null when the content is
    /// not in the fast form, or the stream is corrupt, truncated or longer than declared.</summary>
    /// <param name="source">The opened gzip file.</param>
    /// <param name="maxHeaderBytes">A header line longer than this is "not mine".</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    /// <param name="blockBytes">Bytes inflated between hand-overs (tests use tiny blocks to cut lines at every place).</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static NumericTriples? TryRead(GzipSource source, int maxHeaderBytes, CancellationToken cancellationToken, int blockBytes = InflateBlockBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockBytes);
        // One spare byte: reading into it means the data is longer than declared (over 4 GB, or several members).
        var buffer = GC.AllocateUninitializedArray<byte>(source.Declared + 1);
        var progress = new InflateProgress();
        var parser = Task.Factory.StartNew(() => Parse(buffer, source.Declared, maxHeaderBytes, progress),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var total = 0;
        var complete = false;
        try
        {
            while (total < buffer.Length && !progress.Abandoned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = source.Stream.Read(buffer.AsSpan(total, Math.Min(blockBytes, buffer.Length - total)));
                if (n == 0) break;
                total += n;
                if (total <= source.Declared) progress.Publish(total);
            }
            complete = total == source.Declared;
        }
        catch (Exception ex) when (WholeFile.IsReadFailure(ex))
        {
            complete = false;
        }
        finally
        {
            // Always release the parser and wait for it, also on cancellation, so it never outlives this call.
            progress.Finish(complete);
            ((IAsyncResult)parser).AsyncWaitHandle.WaitOne();
        }
        return parser.GetAwaiter().GetResult();
    }

    // The parser thread: waits for inflated bytes, parses every complete line, in file order.
    private static NumericTriples? Parse(byte[] buffer, int declared, int maxHeaderBytes, InflateProgress progress)
    {
        var start = -1; // first byte after the header line once it is found
        var seen = 0; // every complete line below this has been parsed: wait for more
        int[] first = [], second = [];
        float[] floats = [];
        var count = 0;
        while (true)
        {
            var (available, finished, complete) = progress.WaitBeyond(seen);
            var searched = seen;
            seen = available;
            if (finished && !complete) return null;
            if (start < 0)
            {
                // The header line: everything up to the first line end, wherever the block edges fall.
                var nl = buffer.AsSpan(searched, available - searched).IndexOf((byte)'\n');
                if (nl < 0)
                {
                    if (available > maxHeaderBytes) return Abandon(progress);
                    if (!finished) continue;
                    // No line end at all: no header line (null) or a header and no data.
                    return available == 0 ? null : new NumericTriples([], [], [], 0);
                }
                if (searched + nl > maxHeaderBytes) return Abandon(progress);
                start = searched + nl + 1;
                // The body is about (declared - start) bytes: size the output from this first view of the line length.
                var capacity = EstimateLines(buffer.AsSpan(start, available - start), declared - start);
                first = GC.AllocateUninitializedArray<int>(capacity);
                second = GC.AllocateUninitializedArray<int>(capacity);
                floats = GC.AllocateUninitializedArray<float>(capacity);
            }
            // The complete lines inflated so far; at the end, the rest (the last line may lack its line end).
            var end = available;
            if (!finished)
            {
                var last = buffer.AsSpan(start, available - start).LastIndexOf((byte)'\n');
                if (last < 0) continue;
                end = start + last + 1;
            }
            if (end > start)
            {
                var chunk = buffer.AsSpan(start, end - start);
                var lines = chunk.Count((byte)'\n') + 1;
                if (count + lines > first.Length)
                {
                    var grown = (int)Math.Min(Array.MaxLength, Math.Max((long)count + lines, 2L * first.Length));
                    Array.Resize(ref first, grown);
                    Array.Resize(ref second, grown);
                    Array.Resize(ref floats, grown);
                }
                var parsed = NumericTripleReader.ParseChunk(chunk, first.AsSpan(count, lines), second.AsSpan(count, lines), floats.AsSpan(count, lines));
                if (parsed < 0) return Abandon(progress);
                count += parsed;
                start = end;
            }
            if (finished) return new NumericTriples(first, second, floats, count);
        }
    }

    private static NumericTriples? Abandon(InflateProgress progress)
    {
        progress.Abandon();
        return null;
    }

    // Lines expected in `total` bytes from the line ends in `sample` (5% and 1,024 lines of slack); growth covers a miss.
    private static int EstimateLines(ReadOnlySpan<byte> sample, long total)
    {
        var lines = sample.Count((byte)'\n');
        if (lines == 0 || sample.IsEmpty) return 1024;
        return (int)Math.Min(Array.MaxLength, total * lines / sample.Length * 21 / 20 + 1024);
    }

    /// <summary>How far the inflater has got, shared by the two threads under one lock.</summary>
    private sealed class InflateProgress
    {
        private readonly object _gate = new();
        private int _available;
        private bool _finished;
        private bool _complete;
        private volatile bool _abandoned;

        /// <summary>The parser has given up: inflating further is wasted.</summary>
        public bool Abandoned => _abandoned;

        public void Publish(int available)
        {
            lock (_gate)
            {
                _available = available;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Inflation is over: <paramref name="complete"/> when the whole declared content was read and nothing more.</summary>
        public void Finish(bool complete)
        {
            lock (_gate)
            {
                _finished = true;
                _complete = complete;
                Monitor.PulseAll(_gate);
            }
        }

        public void Abandon() => _abandoned = true;

        /// <summary>Waits until more than <paramref name="position"/> bytes are inflated or inflation is over.</summary>
        public (int Available, bool Finished, bool Complete) WaitBeyond(int position)
        {
            lock (_gate)
            {
                while (_available <= position && !_finished) Monitor.Wait(_gate);
                return (_available, _finished, _complete);
            }
        }
    }
}
