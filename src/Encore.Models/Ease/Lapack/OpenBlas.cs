using System.Runtime.InteropServices;

namespace Encore.Models.Ease.Lapack;

/// <summary>
/// A thin binding to the system's OpenBLAS (Debian package <c>libopenblas0</c>: <c>libopenblas.so.0</c>), loaded on first
/// use; the LAPACK routines EASE needs and cblas_sgemm (the GEMM peak of the model bench). Absent library: <see cref="IsAvailable"/> is false and callers use the
/// managed kernels. Arrays are row-major n x n and symmetric, so LAPACK's column-major view is the transpose: asking
/// for the 'U' triangle factors and inverts the lower triangle of the row-major array.
/// Setting ENCORE_OPENBLAS=off forces the managed path (for comparisons).
/// </summary>
internal static unsafe class OpenBlas
{
    private static readonly Lazy<Api?> Loaded = new(Load);

    // OpenBLAS's thread count is one setting for the whole process, and a threaded call that runs while another caller
    // changes it or runs its own threaded call can round differently (an SPD inverse did: two identical EASE fits in the
    // test run differed in the last bits; OpenBlasThreadCountTests). Every call holds this lock from setting its count to
    // its end, so its result depends on its own arguments only; callers in one process take turns.
    private static readonly Lock CallLock = new();

    /// <summary>True when libopenblas was found and exports spotrf_ / spotri_.</summary>
    public static bool IsAvailable => Loaded.Value is not null;

    /// <summary>The library that was loaded (for messages and benchmark notes), or null.</summary>
    public static string? LibraryName => Loaded.Value?.Name;

    /// <summary>
    /// In place: inverse of the symmetric positive definite row-major n x n matrix <paramref name="a"/>, both
    /// triangles filled (LAPACK spotrf then spotri, then the mirror copy).
    /// </summary>
    /// <exception cref="InvalidOperationException">OpenBLAS is absent.</exception>
    /// <exception cref="ArithmeticException">The matrix is not positive definite (LAPACK info > 0).</exception>
    public static void InvertSpd(float[] a, int n, int threads, Action<string>? stage = null)
    {
        var api = Loaded.Value ?? throw new InvalidOperationException("OpenBLAS (libopenblas.so.0) is not available.");
        if ((long)n * n != a.Length) throw new ArgumentException($"Matrix array holds {a.Length} values, not {n} x {n}.", nameof(a));
        if (n == 0) return;
        byte uplo = (byte)'U';
        int order = n, lda = n, info = 0;
        lock (CallLock)
        {
            if (api.SetThreads != null) api.SetThreads(threads > 0 ? threads : Environment.ProcessorCount);
            fixed (float* p = a)
            {
                stage?.Invoke("cholesky");
                api.Potrf(&uplo, &order, p, &lda, &info, 1); // the trailing 1: Fortran's hidden length of 'U'
                if (info != 0) throw Failure("spotrf", info);
                stage?.Invoke("inverse");
                api.Potri(&uplo, &order, p, &lda, &info, 1);
                if (info != 0) throw Failure("spotri", info);
            }
        }
        // Column-major 'U' = row-major lower triangle holds the result; copy it to the upper one.
        for (var i = 0; i < n; i++)
        {
            var row = (long)i * n;
            for (var j = 0; j < i; j++) a[(long)j * n + i] = a[row + j];
        }
    }

    /// <summary>True when the loaded library also exports <c>cblas_sgemm</c>.</summary>
    public static bool HasGemm => Loaded.Value is { } api && api.Sgemm != null;

    /// <summary>
    /// C = A B in float32, all row-major: A is m x k, B is k x n, C is m x n (cblas_sgemm, no transposes, alpha 1,
    /// beta 0), on <paramref name="threads"/> OpenBLAS threads (0 = all cores).
    /// </summary>
    /// <exception cref="InvalidOperationException">OpenBLAS or its cblas_sgemm is absent.</exception>
    /// <exception cref="ArgumentException">An array is shorter than its shape.</exception>
    public static void Sgemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, int threads) =>
        Sgemm(transA: false, transB: false, a, b, c, m, n, k, threads);

    /// <summary>
    /// C = op(A) op(B) in float32, all row-major: op(A) is m x k (A stored k x m when <paramref name="transA"/>), op(B) is
    /// k x n (B stored n x k when <paramref name="transB"/>), C is m x n; alpha 1, beta 0 (C is overwritten), on
    /// <paramref name="threads"/> OpenBLAS threads (0 = all cores). For a fixed thread count OpenBLAS splits the work the
    /// same way every call, so the result repeats bit for bit; another thread count may round differently.
    /// </summary>
    /// <exception cref="InvalidOperationException">OpenBLAS or its cblas_sgemm is absent.</exception>
    /// <exception cref="ArgumentException">An array is shorter than its shape.</exception>
    public static void Sgemm(bool transA, bool transB, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, int threads)
    {
        var api = Loaded.Value;
        if (api is null || api.Sgemm == null) throw new InvalidOperationException("OpenBLAS cblas_sgemm (libopenblas.so.0) is not available.");
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
            throw new ArgumentException($"Arrays shorter than op(A) {m} x {k}, op(B) {k} x {n}, C {m} x {n}.");
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            c[..(m * n)].Clear();
            return;
        }
        const int rowMajor = 101, noTranspose = 111, transpose = 112;
        lock (CallLock)
        {
            if (api.SetThreads != null) api.SetThreads(threads > 0 ? threads : Environment.ProcessorCount);
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pc = c)
                api.Sgemm(rowMajor, transA ? transpose : noTranspose, transB ? transpose : noTranspose, m, n, k, 1f, pa, transA ? m : k, pb, transB ? k : n, 0f, pc, n);
        }
    }

    private static ArithmeticException Failure(string routine, int info) => info < 0
        ? new ArithmeticException($"{routine}: argument {-info} was invalid.")
        : new ArithmeticException($"{routine}: the matrix is not positive definite (leading minor {info}); increase the regularisation.");

    private static Api? Load()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("ENCORE_OPENBLAS"), "off", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var name in new[] { "libopenblas.so.0", "libopenblas.so", "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0", "libopenblas.dylib", "libopenblas.dll" })
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "spotrf_", out var potrf) && NativeLibrary.TryGetExport(handle, "spotri_", out var potri))
            {
                _ = NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var setThreads);
                _ = NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm);
                return new Api(name,
                    (delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void>)potrf,
                    (delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void>)potri,
                    (delegate* unmanaged<int, void>)setThreads,
                    (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm);
            }
            NativeLibrary.Free(handle);
        }
        return null;
    }

    private sealed class Api(string name, delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void> potrf,
        delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void> potri, delegate* unmanaged<int, void> setThreads,
        delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm)
    {
        public string Name { get; } = name;

        public delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void> Potrf { get; } = potrf;

        public delegate* unmanaged<byte*, int*, float*, int*, int*, nint, void> Potri { get; } = potri;

        public delegate* unmanaged<int, void> SetThreads { get; } = setThreads;

        /// <summary>cblas_sgemm(order, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc), or null.</summary>
        public delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm { get; } = sgemm;
    }
}
