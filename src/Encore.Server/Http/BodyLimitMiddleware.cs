using System.Buffers;
using Encore.Server.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Encore.Server.Http;

/// <summary>
/// Answers 413 to a body whose declared Content-Length is over the limit, before any endpoint reads it.
/// A client that sent "Expect: 100-continue" (curl does for large bodies) gets the answer without sending
/// the body. Otherwise the body is read and discarded first (up to <see cref="DrainCap"/>): most HTTP/1.1
/// clients only read the answer after sending the whole request, and would see a reset connection instead
/// of the 413. Bodies without a length hit Kestrel's own limit while they are read (also a 413).
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<EncoreServerOptions> options)
{
    /// <summary>Largest over-limit body drained so that the client can read the 413; larger ones close the connection.</summary>
    public const long DrainCap = 64L << 20;

    private readonly long _limit = options.Value.Server.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength is not { } length || length <= _limit)
        {
            await next(context);
            return;
        }
        var expectsContinue = context.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);
        if (!expectsContinue && length <= DrainCap) await Drain(context);
        else context.Response.Headers.Connection = "close";
        await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The body has {length} bytes; this server accepts at most {_limit} (server.max_request_body_bytes).");
    }

    private static async Task Drain(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = DrainCap;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
