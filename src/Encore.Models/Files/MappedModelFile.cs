using System.IO.MemoryMappedFiles;

namespace Encore.Models.Files;

/// <summary>
/// A read-only memory mapping of a whole model file (System.IO.MemoryMappedFiles). Pages are the operating
/// system's file cache: they are read on first touch, are not private memory of the process, and are shared by
/// every process that maps the same file. The mapping is of the file opened at load time (its inode on Linux), so
/// replacing the path with a newer file (<see cref="ModelFile.Save"/> writes a temporary file and renames it) does not
/// disturb a model already served from the old one.
/// </summary>
/// <remarks>
/// Lifetime: every use of the mapped memory by the model's own code runs under a <see cref="Lease"/>, a reference
/// on the view's <see cref="System.Runtime.InteropServices.SafeHandle"/>, so <see cref="Dispose"/> (or finalisation
/// of an unreachable model) while a request is running defers the unmapping until the request ends; a lease taken
/// after disposal throws <see cref="ObjectDisposedException"/>.
/// </remarks>
public sealed unsafe class MappedModelFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private volatile bool _disposed;

    /// <summary>Maps the whole of an open, readable file (length at least 1 byte); the mapping takes ownership of the stream.</summary>
    /// <param name="stream">The file, opened for reading; closed by this call (the mapping keeps its own reference).</param>
    /// <param name="path">The path as given, for messages.</param>
    /// <exception cref="IOException">The operating system refused the mapping.</exception>
    internal MappedModelFile(FileStream stream, string path)
    {
        Path = path;
        Length = stream.Length;
        _file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            // The pointer stays valid until the view handle is released; leases keep it from being released.
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _base = pointer + _view.PointerOffset;
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    /// <value>The file's path as given to the loader (for messages).</value>
    public string Path { get; }

    /// <value>Length of the mapping in bytes (the file's length when it was mapped).</value>
    public long Length { get; }

    /// <value>True after <see cref="Dispose"/> (the unmapping itself waits for running leases).</value>
    public bool IsDisposed => _disposed;

    /// <summary>Keeps the mapping from being unmapped until the lease is disposed (cost: two interlocked operations).</summary>
    /// <exception cref="ObjectDisposedException">The mapping was disposed.</exception>
    public MappingLease Lease() => _disposed ? throw new ObjectDisposedException(nameof(MappedModelFile), $"{Path}: the model's mapping was released.")
        : new(_view.SafeMemoryMappedViewHandle);

    /// <summary>The mapped bytes at file offset <paramref name="offset"/>; valid only under a <see cref="Lease"/> or while the loader holds the mapping.</summary>
    internal byte* At(long offset) => _base + offset;

    /// <summary>Releases the view and the mapping (deferred while leases are held); idempotent.</summary>
    public void Dispose()
    {
        _disposed = true;
        _view.Dispose();
        _file.Dispose();
    }
}

/// <summary>A reference that keeps a <see cref="MappedModelFile"/> mapped; a default lease (array-backed data) holds nothing.</summary>
public readonly struct MappingLease : IDisposable
{
    private readonly System.Runtime.InteropServices.SafeHandle? _handle;

    internal MappingLease(System.Runtime.InteropServices.SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = added ? handle : throw new ObjectDisposedException(nameof(MappedModelFile));
    }

    /// <summary>Releases the reference.</summary>
    public void Dispose() => _handle?.DangerousRelease();
}
